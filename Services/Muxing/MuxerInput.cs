using System.Globalization;

namespace PiStream.Services.Muxing;

/// <summary>
/// The ffmpeg arguments of a muxer fed by an <see cref="H264Source"/>: H.264 access units (Annex B) on stdin,
/// timed at the stream's frame rate, copied without encoding again.
/// </summary>
internal static class MuxerInput
{
    /// <summary>
    /// Reads raw H.264 from stdin. The stream carries no timestamps: ffmpeg counts pictures at <paramref name="framerate"/>.
    /// A tiny probe lets the muxer start with the first keyframe instead of buffering seconds of video.
    /// </summary>
    public static IReadOnlyList<string> Input(int framerate) =>
    [
        "-f", "h264", "-framerate", framerate.ToString(CultureInfo.InvariantCulture),
        "-probesize", "32", "-analyzeduration", "0",
        "-i", "pipe:0",
    ];

    /// <summary>The video as it is; each picture's presentation time is its decode time (the H.264 has no B-frames).</summary>
    public static IReadOnlyList<string> Copy { get; } = ["-an", "-map", "0:v:0", "-c", "copy", "-bsf:v", "setts=pts=DTS"];
}
