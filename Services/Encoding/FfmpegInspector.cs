using PiStream.Services.Processes;

namespace PiStream.Services.Encoding;

/// <summary>Asks ffmpeg for its version and encoders (each call with a timeout); <paramref name="searchPath"/> replaces PATH (tests).</summary>
internal sealed class FfmpegInspector(TimeSpan toolTimeout, string? searchPath = null)
{
    /// <summary>mpeg1video is what the browser player needs; the H.264 encoders are for recording and later streaming modes.</summary>
    public static IReadOnlyList<string> EncodersThatMatter { get; } = ["mpeg1video", "libx264", "h264_v4l2m2m"];

    public static FfmpegInspector Default { get; } = new(TimeSpan.FromSeconds(5));

    public async Task<FfmpegInfo> InspectAsync(CancellationToken cancellationToken)
    {
        var path = ExecutableFinder.Find("ffmpeg", searchPath);
        if (path is null)
        {
            return new FfmpegInfo(null, null, EncodersThatMatter.ToDictionary(name => name, _ => false));
        }

        var versionRun = ToolRunner.RunAsync(path, ["-hide_banner", "-version"], toolTimeout, cancellationToken);
        var encodersRun = FfmpegEncoderList.ReadAsync(path, toolTimeout, cancellationToken);
        var version = await versionRun;
        var names = await encodersRun;
        return new FfmpegInfo(
            path,
            version is { Succeeded: true } ? FfmpegOutputParser.ParseVersion(version.StandardOutput) : null,
            EncodersThatMatter.ToDictionary(name => name, names.Contains));
    }
}
