using System.Collections.Concurrent;
using PiStream.Services.Encoding;
using PiStream.Services.Processes;

namespace PiStream.Services.Recording;

/// <summary>
/// Picks the H.264 encoder: the Pi's hardware encoder when ffmpeg lists it AND a tiny trial encode
/// with it works (ffmpeg builds list it on machines without the hardware), else libx264. The answer is
/// cached per ffmpeg for the life of the process. Also answers whether ffmpeg has a named encoder.
/// </summary>
internal static class EncoderChooser
{
    private static readonly ConcurrentDictionary<string, Task<string>> Choices = new();
    private static readonly ConcurrentDictionary<string, Task<IReadOnlySet<string>>> EncoderLists = new();
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static Task<string> ChooseH264Async(string ffmpegPath, CancellationToken cancellationToken) =>
        Choices.GetOrAdd(ffmpegPath, path => ChooseAsync(path, CancellationToken.None)).WaitAsync(cancellationToken);

    /// <summary>True when <c>ffmpeg -encoders</c> lists <paramref name="encoder"/>.</summary>
    public static async Task<bool> HasEncoderAsync(string ffmpegPath, string encoder, CancellationToken cancellationToken)
    {
        var list = await EncoderLists.GetOrAdd(ffmpegPath, path => FfmpegEncoderList.ReadAsync(path, Timeout, CancellationToken.None)).WaitAsync(cancellationToken);
        return list.Contains(encoder);
    }

    private static async Task<string> ChooseAsync(string ffmpegPath, CancellationToken cancellationToken)
    {
        if (!await HasEncoderAsync(ffmpegPath, H264Encoders.Hardware, cancellationToken))
        {
            return H264Encoders.Software;
        }

        var trial = await ToolRunner.RunAsync(
            ffmpegPath,
            ["-hide_banner", "-loglevel", "error", "-nostdin", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10",
             "-frames:v", "5", "-c:v", H264Encoders.Hardware, "-pix_fmt", "yuv420p", "-f", "null", "-"],
            Timeout,
            cancellationToken);
        return trial is { Succeeded: true } ? H264Encoders.Hardware : H264Encoders.Software;
    }
}
