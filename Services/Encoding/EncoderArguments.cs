using System.Globalization;

namespace PiStream.Services.Encoding;

/// <summary>
/// The ffmpeg command line of the live encoder: raw yuv420p on stdin, MPEG-1 video in MPEG-TS on
/// stdout, no B-frames, a PES length on every video packet (so a frame is complete the moment its last
/// byte arrives, not when the next one starts) and no muxing delay.
/// </summary>
internal static class EncoderArguments
{
    /// <summary>Frame rates MPEG-1 has a code for; others need ffmpeg's "-strict unofficial".</summary>
    private static readonly int[] StandardFramerates = [24, 25, 30, 50, 60];

    public static IReadOnlyList<string> Build(EncoderSettings settings)
    {
        var format = settings.Format;
        var arguments = new List<string>
        {
            "-hide_banner", "-loglevel", "warning", "-nostats",
            "-f", "rawvideo", "-pix_fmt", "yuv420p",
            "-video_size", $"{Text(format.Width)}x{Text(format.Height)}",
            "-framerate", Text(format.Framerate),
            "-i", "pipe:0",
            "-an",
        };

        arguments.AddRange(FlipFilter.Arguments(settings.HorizontalFlip, settings.VerticalFlip));
        arguments.AddRange(
        [
            "-c:v", "mpeg1video",
            "-b:v", Text(settings.BitrateBitsPerSecond),
            "-bf", "0",
            "-g", Text(settings.KeyframeInterval),
        ]);
        if (!StandardFramerates.Contains(format.Framerate))
        {
            arguments.AddRange(["-strict", "unofficial"]);
        }

        arguments.AddRange(
        [
            "-f", "mpegts",
            "-omit_video_pes_length", "0",
            "-muxdelay", "0",
            "-muxpreload", "0",
            "-flush_packets", "1",
            "pipe:1",
        ]);
        return arguments;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
