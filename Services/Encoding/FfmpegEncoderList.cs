using PiStream.Services.Processes;

namespace PiStream.Services.Encoding;

/// <summary>The one place that asks ffmpeg which encoders it has (<c>ffmpeg -hide_banner -encoders</c>) and parses the answer.</summary>
internal static class FfmpegEncoderList
{
    /// <summary>The encoder names ffmpeg lists; empty when it cannot be run or does not answer within <paramref name="timeout"/>.</summary>
    public static async Task<IReadOnlySet<string>> ReadAsync(string ffmpegPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await ToolRunner.RunAsync(ffmpegPath, ["-hide_banner", "-encoders"], timeout, cancellationToken);
        return result is { TimedOut: false } ? FfmpegOutputParser.ParseEncoders(result.StandardOutput) : new HashSet<string>();
    }
}
