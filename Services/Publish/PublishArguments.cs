using System.Globalization;
using PiStream.Services.Capture;

namespace PiStream.Services.Publish;

/// <summary>
/// The ffmpeg command lines of publishing: one H.264 encoder shared by every target (raw yuv420p in,
/// MPEG-TS out, so a muxer that joins late finds the next packet and keyframe by itself), and one muxer
/// per target that copies that H.264 into the target's protocol without encoding again.
/// </summary>
internal static class PublishArguments
{
    /// <summary>How long a muxer waits on a server that stopped answering before it gives up (microseconds).</summary>
    public const string NetworkTimeoutMicroseconds = "5000000";

    /// <summary>libx264, low latency: raw frames on stdin, H.264 in MPEG-TS on stdout, a keyframe every <paramref name="keyframeInterval"/> frames.</summary>
    public static IReadOnlyList<string> Encoder(VideoFormat format, int bitrateBitsPerSecond, int keyframeInterval, bool horizontalFlip, bool verticalFlip)
    {
        var arguments = new List<string>
        {
            "-hide_banner", "-loglevel", "warning", "-nostats",
            "-f", "rawvideo", "-pix_fmt", "yuv420p",
            "-video_size", $"{Text(format.Width)}x{Text(format.Height)}",
            "-framerate", Text(format.Framerate),
            "-i", "pipe:0",
            "-an",
        };
        arguments.AddRange(FlipFilter.Arguments(horizontalFlip, verticalFlip));
        arguments.AddRange(
        [
            "-c:v", "libx264",
            "-preset", "ultrafast",
            "-tune", "zerolatency",
            "-profile:v", "baseline",
            "-pix_fmt", "yuv420p",
            "-b:v", Text(bitrateBitsPerSecond),
            "-maxrate", Text(bitrateBitsPerSecond),
            "-bufsize", Text(bitrateBitsPerSecond),
            "-g", Text(keyframeInterval),
            "-keyint_min", Text(keyframeInterval),
            "-f", "mpegts",
            "-muxdelay", "0",
            "-muxpreload", "0",
            "-flush_packets", "1",
            "pipe:1",
        ]);
        return arguments;
    }

    /// <summary>
    /// Copies the shared H.264 (MPEG-TS on stdin) to <paramref name="target"/>; progress (including
    /// <c>total_size=</c>, the bytes written) goes to stdout as <c>key=value</c> lines twice a second.
    /// </summary>
    public static IReadOnlyList<string> Muxer(PublishTarget target)
    {
        List<string> arguments =
        [
            "-hide_banner", "-loglevel", "warning", "-nostats",
            "-progress", "pipe:1", "-stats_period", "0.5",
            "-f", "mpegts", "-i", "pipe:0",
            "-map", "0:v", "-c", "copy",
            "-rw_timeout", NetworkTimeoutMicroseconds,
        ];
        arguments.AddRange(target.Scheme switch
        {
            PublishScheme.Rtmp or PublishScheme.Rtmps => ["-f", "flv", target.Url],
            PublishScheme.Rtsp => ["-f", "rtsp", "-rtsp_transport", "tcp", target.Url],
            _ => ["-f", "mpegts", target.Url],
        });
        return arguments;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
