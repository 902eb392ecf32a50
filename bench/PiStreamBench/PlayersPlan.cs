namespace PiStream.Bench;

/// <summary>How long each part of <c>bench/run.sh --players</c> runs: the real measurement, or the smoke mode (<c>--quick</c>).</summary>
internal sealed record PlayersPlan(
    bool Quick,
    (int Width, int Height, string Bitrate)[] LatencySizes,
    TimeSpan LatencyWarmUp,
    TimeSpan LatencyDuration,
    TimeSpan DriftDuration,
    TimeSpan DriftWindow,
    (int Width, int Height, string Bitrate)[] QualitySizes,
    QualitySource[] QualitySources,
    int QualityFrames,
    TimeSpan CpuWindow,
    int[] FanOutLevels,
    TimeSpan FanOutWindow,
    TimeSpan Settle)
{
    public static PlayersPlan Full { get; } = new(
        Quick: false,
        LatencySizes: [(640, 480, "1M"), (1280, 720, "2M")],
        LatencyWarmUp: TimeSpan.FromSeconds(5),
        LatencyDuration: TimeSpan.FromSeconds(20),
        DriftDuration: TimeSpan.FromMinutes(10),
        DriftWindow: TimeSpan.FromMinutes(1),
        QualitySizes: [(640, 480, "800k"), (1280, 720, "2M"), (1280, 720, "1M")],
        QualitySources: [QualitySource.TestPattern, QualitySource.FineDetail],
        QualityFrames: 240,
        CpuWindow: TimeSpan.FromSeconds(10),
        FanOutLevels: [1, 10, 50, 200],
        FanOutWindow: TimeSpan.FromSeconds(8),
        Settle: TimeSpan.FromSeconds(2));

    public static PlayersPlan QuickSmoke { get; } = new(
        Quick: true,
        LatencySizes: [(640, 480, "1M")],
        LatencyWarmUp: TimeSpan.FromSeconds(2),
        LatencyDuration: TimeSpan.FromSeconds(3),
        DriftDuration: TimeSpan.FromSeconds(8),
        DriftWindow: TimeSpan.FromSeconds(2),
        QualitySizes: [(320, 240, "400k")],
        QualitySources: [QualitySource.TestPattern, QualitySource.FineDetail],
        QualityFrames: 30,
        CpuWindow: TimeSpan.FromSeconds(2),
        FanOutLevels: [1, 5],
        FanOutWindow: TimeSpan.FromSeconds(1),
        Settle: TimeSpan.FromSeconds(0.5));

    /// <summary>Why the camera clip is not among <see cref="QualitySources"/> (null when it is, or was never asked for).</summary>
    public string? CameraMissing { get; init; }

    /// <summary>This plan with the camera clip as its last quality source, or with the reason it has none.</summary>
    public PlayersPlan With(CameraClip clip) => clip.Path is { } path
        ? this with { QualitySources = [.. QualitySources, QualitySource.Camera(path)], CameraMissing = null }
        : this with { CameraMissing = clip.Missing };
}
