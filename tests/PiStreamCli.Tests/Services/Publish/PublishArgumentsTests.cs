using PiStream.Services.Publish;

namespace PiStream.Tests.Services.Publish;

public sealed class PublishArgumentsTests
{
    /// <summary>The H.264 access units on stdin, timed at 24 fps, copied: no encoder in a publish muxer.</summary>
    private static readonly string[] MuxerInput =
    [
        "-hide_banner", "-loglevel", "warning", "-nostats",
        "-progress", "pipe:1", "-stats_period", "0.5",
        "-f", "h264", "-framerate", "24", "-probesize", "32", "-analyzeduration", "0", "-i", "pipe:0",
        "-an", "-map", "0:v:0", "-c", "copy", "-bsf:v", "setts=pts=DTS",
        "-rw_timeout", "5000000",
    ];

    [Fact]
    public void Rtmp_and_rtmps_copy_the_h264_into_flv()
    {
        Assert.Equal([.. MuxerInput, "-f", "flv", "rtmp://s/live/k"], PublishArguments.Muxer(new PublishTarget("rtmp://s/live/k", PublishScheme.Rtmp), 24));
        Assert.Equal([.. MuxerInput, "-f", "flv", "rtmps://s/live/k"], PublishArguments.Muxer(new PublishTarget("rtmps://s/live/k", PublishScheme.Rtmps), 24));
    }

    [Fact]
    public void Rtsp_publishes_over_tcp()
    {
        Assert.Equal(
            [.. MuxerInput, "-f", "rtsp", "-rtsp_transport", "tcp", "rtsp://s:8554/cam"],
            PublishArguments.Muxer(new PublishTarget("rtsp://s:8554/cam", PublishScheme.Rtsp), 24));
    }

    [Fact]
    public void Srt_carries_mpegts()
    {
        Assert.Equal(
            [.. MuxerInput, "-f", "mpegts", "srt://s:8890?streamid=publish:cam"],
            PublishArguments.Muxer(new PublishTarget("srt://s:8890?streamid=publish:cam", PublishScheme.Srt), 24));
    }
}
