namespace PiStream.Bench;

/// <summary>How long and how often each benchmark runs: the full suite, or the CI smoke mode (<c>--quick</c>).</summary>
internal sealed record BenchPlan(
    bool Quick,
    int[] LatencyFramerates,
    int LatencyRuns,
    TimeSpan LatencyDuration,
    TimeSpan DriftDuration,
    TimeSpan DriftWindow,
    int FirstPictureRuns,
    int[] FanOutLevels,
    TimeSpan FanOutWindow,
    int BurstViewers,
    int IsolationViewers,
    TimeSpan IsolationBaseline,
    TimeSpan StallDuration,
    int StartupRuns,
    int ValidationPairs,
    TimeSpan ValidationDuration,
    int ValidationDelayMs,
    TimeSpan Settle)
{
    public static BenchPlan Full { get; } = new(
        Quick: false,
        LatencyFramerates: [30, 24],
        LatencyRuns: 3,
        LatencyDuration: TimeSpan.FromSeconds(60),
        DriftDuration: TimeSpan.FromMinutes(10),
        DriftWindow: TimeSpan.FromMinutes(1),
        FirstPictureRuns: 10,
        FanOutLevels: [1, 10, 50, 200],
        FanOutWindow: TimeSpan.FromSeconds(10),
        BurstViewers: 500,
        IsolationViewers: 20,
        IsolationBaseline: TimeSpan.FromSeconds(30),
        StallDuration: TimeSpan.FromSeconds(90),
        StartupRuns: 5,
        ValidationPairs: 3,
        ValidationDuration: TimeSpan.FromSeconds(20),
        ValidationDelayMs: 100,
        Settle: TimeSpan.FromSeconds(3));

    public static BenchPlan QuickSmoke { get; } = new(
        Quick: true,
        LatencyFramerates: [30],
        LatencyRuns: 1,
        LatencyDuration: TimeSpan.FromSeconds(2),
        DriftDuration: TimeSpan.FromSeconds(3),
        DriftWindow: TimeSpan.FromSeconds(1),
        FirstPictureRuns: 1,
        FanOutLevels: [1, 5],
        FanOutWindow: TimeSpan.FromSeconds(1),
        BurstViewers: 20,
        IsolationViewers: 3,
        IsolationBaseline: TimeSpan.FromSeconds(1),
        StallDuration: TimeSpan.FromSeconds(2),
        StartupRuns: 1,
        ValidationPairs: 1,
        ValidationDuration: TimeSpan.FromSeconds(2),
        ValidationDelayMs: 100,
        Settle: TimeSpan.FromSeconds(0.5));
}
