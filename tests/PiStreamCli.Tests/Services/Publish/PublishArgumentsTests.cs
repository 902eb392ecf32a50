using PiStream.Services.Capture;
using PiStream.Services.Publish;

namespace PiStream.Tests.Services.Publish;

public sealed class PublishArgumentsTests
{
    private static readonly string[] MuxerInput =
    [
        "-hide_banner", "-loglevel", "warning", "-nostats",
        "-progress", "pipe:1", "-stats_period", "0.5",
        "-f", "mpegts", "-i", "pipe:0",
        "-map", "0:v", "-c", "copy",
        "-rw_timeout", "5000000",
    ];

    [Fact]
    public void Rtmp_and_rtmps_copy_the_h264_into_flv()
    {
        Assert.Equal([.. MuxerInput, "-f", "flv", "rtmp://s/live/k"], PublishArguments.Muxer(new PublishTarget("rtmp://s/live/k", PublishScheme.Rtmp)));
        Assert.Equal([.. MuxerInput, "-f", "flv", "rtmps://s/live/k"], PublishArguments.Muxer(new PublishTarget("rtmps://s/live/k", PublishScheme.Rtmps)));
    }

    [Fact]
    public void Rtsp_publishes_over_tcp()
    {
        Assert.Equal(
            [.. MuxerInput, "-f", "rtsp", "-rtsp_transport", "tcp", "rtsp://s:8554/cam"],
            PublishArguments.Muxer(new PublishTarget("rtsp://s:8554/cam", PublishScheme.Rtsp)));
    }

    [Fact]
    public void Srt_carries_mpegts()
    {
        Assert.Equal(
            [.. MuxerInput, "-f", "mpegts", "srt://s:8890?streamid=publish:cam"],
            PublishArguments.Muxer(new PublishTarget("srt://s:8890?streamid=publish:cam", PublishScheme.Srt)));
    }

    [Fact]
    public void The_shared_encoder_is_low_latency_h264_with_the_keyframe_interval()
    {
        Assert.Equal(
            [
                "-hide_banner", "-loglevel", "warning", "-nostats",
                "-f", "rawvideo", "-pix_fmt", "yuv420p", "-video_size", "640x480", "-framerate", "24", "-i", "pipe:0", "-an",
                "-vf", "hflip",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-profile:v", "baseline", "-pix_fmt", "yuv420p",
                "-b:v", "800000", "-maxrate", "800000", "-bufsize", "800000", "-g", "48", "-keyint_min", "48",
                "-f", "mpegts", "-muxdelay", "0", "-muxpreload", "0", "-flush_packets", "1", "pipe:1",
            ],
            PublishArguments.Encoder(new VideoFormat(640, 480, 24), 800_000, 48, horizontalFlip: true, verticalFlip: false));
    }
}
