using PiStream.Services.Recording;
using Xunit;

namespace PiStream.Tests.Services.Recording;

public sealed class FailureTextTests
{
    [Theory]
    [InlineData("[0:57:12.345] ERROR RPI pipeline_base.cpp:1254 failed to acquire camera /base/soc/i2c0mux/i2c@1/imx219@10")]
    [InlineData("ERROR: *** failed to acquire camera /base/axi/pcie@120000/rp1/i2c@88000/imx708@1a ***")]
    [InlineData("[video4linux2,v4l2 @ 0x5581] ioctl(VIDIOC_STREAMON): Device or resource busy")]
    [InlineData("/dev/video0: Device or resource busy")]
    [InlineData("ERROR V4L2 v4l2_videodevice.cpp:1906 Pipeline handler in use by another process")]
    public void Recognizes_a_camera_held_by_another_process(string line)
    {
        Assert.True(FailureText.IsCameraBusy(line));
    }

    [Theory]
    [InlineData("ERROR: *** no cameras available ***")]
    [InlineData("/dev/video0: No such file or directory")]
    public void Does_not_mistake_other_camera_failures_for_a_busy_camera(string line)
    {
        Assert.False(FailureText.IsCameraBusy(line));
    }

    [Theory]
    [InlineData("av_interleaved_write_frame(): No space left on device")]
    [InlineData("[mp4 @ 0x55] Error writing trailer of out.mp4: File too large")]
    [InlineData("Error writing trailer: Disk quota exceeded")]
    public void Recognizes_a_full_disk(string line)
    {
        Assert.True(FailureText.IsDiskFull(line));
    }

    [Fact]
    public void Does_not_call_other_write_errors_a_full_disk()
    {
        Assert.False(FailureText.IsDiskFull("av_interleaved_write_frame(): Broken pipe"));
    }
}
