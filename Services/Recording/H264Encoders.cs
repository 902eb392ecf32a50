using System.Globalization;
using PiStream.Services.Capture;

namespace PiStream.Services.Recording;

/// <summary>The H.264 encoders recordings use and their ffmpeg options: a keyframe every second, no B-frame delay.</summary>
internal static class H264Encoders
{
    public const string Hardware = "h264_v4l2m2m";
    public const string Software = "libx264";

    /// <summary>
    /// Encoder options for <paramref name="codec"/>. With a known <paramref name="format"/> keyframes come
    /// every <c>framerate</c> frames; without one (a stream of unknown rate) a keyframe is forced each second.
    /// </summary>
    public static IReadOnlyList<string> Options(string codec, VideoFormat? format)
    {
        List<string> keyframes = format is { } known
            ? ["-g", Text(known.Framerate)]
            : ["-force_key_frames", "expr:gte(t,n_forced*1)"];
        return codec switch
        {
            Software => ["-c:v", codec, "-preset", "veryfast", "-tune", "zerolatency", "-crf", "23", .. keyframes, "-pix_fmt", "yuv420p"],
            Hardware => ["-c:v", codec, "-b:v", Text(HardwareBitrate(format)), .. keyframes, "-pix_fmt", "yuv420p"],
            _ => ["-c:v", codec, .. keyframes],
        };
    }

    /// <summary>The hardware encoder needs a bitrate: about 0.1 bit per pixel, from 1 to 25 Mbit/s.</summary>
    public static int HardwareBitrate(VideoFormat? format) => format is { } known
        ? (int)Math.Clamp((long)known.Width * known.Height * known.Framerate / 10, 1_000_000, 25_000_000)
        : 2_000_000;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
