using System.Globalization;
using PiStream.Services.Capture;

namespace PiStream.Services.Encoding;

/// <summary>
/// The ffmpeg command line of the live encoder: raw yuv420p on stdin, MPEG-1 video in MPEG-TS on
/// stdout, no B-frames, a PES length on every video packet (so a frame is complete the moment its last
/// byte arrives, not when the next one starts) and no muxing delay. <c>-flags +low_delay</c> stops the
/// MPEG-1 encoder from holding each frame until the next one arrives (one frame interval of latency);
/// ffmpeg allows that flag for MPEG-1 only with <c>-strict unofficial</c>, and the stream stays standard MPEG-1.
/// </summary>
internal static class EncoderArguments
{
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
            "-flags", "+low_delay",
            "-strict", "unofficial",
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
