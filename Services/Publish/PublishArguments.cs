using PiStream.Services.Muxing;

namespace PiStream.Services.Publish;

/// <summary>
/// The ffmpeg command line of one publish target: the H.264 of the <see cref="H264Source"/> (the live stream, or the
/// one encoder shared by all targets when the live stream is MPEG-1) on stdin, copied into the target's protocol
/// without encoding again.
/// </summary>
internal static class PublishArguments
{
    /// <summary>How long a muxer waits on a server that stopped answering before it gives up (microseconds).</summary>
    public const string NetworkTimeoutMicroseconds = "5000000";

    /// <summary>
    /// Copies the H.264 on stdin (timed at <paramref name="framerate"/>) to <paramref name="target"/>; progress
    /// (including <c>total_size=</c>, the bytes written) goes to stdout as <c>key=value</c> lines twice a second.
    /// </summary>
    public static IReadOnlyList<string> Muxer(PublishTarget target, int framerate)
    {
        List<string> arguments =
        [
            "-hide_banner", "-loglevel", "warning", "-nostats",
            "-progress", "pipe:1", "-stats_period", "0.5",
            .. MuxerInput.Input(framerate),
            .. MuxerInput.Copy,
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
}
