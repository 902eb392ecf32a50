using System.Globalization;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;

namespace PiStream.Services.H264;

/// <summary>
/// The ffmpeg command lines of the live H.264 encoders: raw yuv420p on stdin, H.264 on stdout, no B-frames
/// (a picture leaves as soon as it is encoded), a keyframe every <see cref="EncoderSettings.KeyframeInterval"/>
/// frames and none in between (a new viewer's catch-up stays one group of pictures), and the bitrate as both
/// target and ceiling with a one-second buffer: no second of stream carries more than twice the bitrate, and a
/// keyframe may take up to a second's worth (a half-second buffer starved them: SSIM 0.902 against 0.930 on
/// ffmpeg's mandelbrot at 1280x720, 1 Mbit/s, docs/benchmarks.md).
/// </summary>
internal static class H264EncoderArguments
{
    /// <summary>The x264 speed preset: superfast is about 30 % more work than ultrafast here and clearly better on natural motion.</summary>
    public const string Preset = "superfast";

    /// <summary>
    /// libx264 tuned for zero latency (no lookahead, no frame threads, sliced threads instead), in FLV: each
    /// tag says its length, so a picture is cut out the moment its last byte arrives (raw Annex B would hold it
    /// until the next picture begins).
    /// </summary>
    public static IReadOnlyList<string> LibX264(EncoderSettings settings) =>
    [
        .. Input(settings),
        "-c:v", LiveEncoders.LibX264,
        "-preset", Preset,
        "-tune", "zerolatency",
        "-bf", "0",
        .. Keyframes(settings),
        .. Rate(settings),
        "-pix_fmt", "yuv420p",
        "-f", "flv", "-flvflags", "no_duration_filesize",
        "-flush_packets", "1",
        "pipe:1",
    ];

    /// <summary>The Pi's hardware encoder through V4L2 (memory to memory), in raw Annex B (its parameter sets are in band).</summary>
    public static IReadOnlyList<string> V4l2M2m(EncoderSettings settings) =>
    [
        .. Input(settings),
        "-c:v", LiveEncoders.V4l2M2m,
        "-bf", "0",
        .. Keyframes(settings),
        "-b:v", Text(settings.BitrateBitsPerSecond),
        "-pix_fmt", "yuv420p",
        "-f", "h264",
        "-flush_packets", "1",
        "pipe:1",
    ];

    private static IEnumerable<string> Input(EncoderSettings settings)
    {
        var format = settings.Format;
        return
        [
            "-hide_banner", "-loglevel", "warning", "-nostats",
            "-f", "rawvideo", "-pix_fmt", "yuv420p",
            "-video_size", $"{Text(format.Width)}x{Text(format.Height)}",
            "-framerate", Text(format.Framerate),
            "-i", "pipe:0",
            "-an",
            .. FlipFilter.Arguments(settings.HorizontalFlip, settings.VerticalFlip),
        ];
    }

    private static IEnumerable<string> Keyframes(EncoderSettings settings) =>
        ["-g", Text(settings.KeyframeInterval), "-keyint_min", Text(settings.KeyframeInterval), "-sc_threshold", "0"];

    private static IEnumerable<string> Rate(EncoderSettings settings) =>
    [
        "-b:v", Text(settings.BitrateBitsPerSecond),
        "-maxrate", Text(settings.BitrateBitsPerSecond),
        "-bufsize", Text(settings.BitrateBitsPerSecond),
    ];

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
