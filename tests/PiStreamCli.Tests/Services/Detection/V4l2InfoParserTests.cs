using PiStream.Services.Detection;
using PiStream.Tests;
using Xunit;

namespace PiStream.Tests.Services.Detection;

public sealed class V4l2InfoParserTests
{
    [Fact]
    public void Usb_webcam_capture_node_takes_driver_info_and_device_caps_not_the_media_section()
    {
        var info = V4l2InfoParser.Parse(TestFixtures.Read("v4l2/usb-webcam/video0-info.txt"));

        Assert.NotNull(info);
        Assert.Equal(("uvcvideo", "HD Pro Webcam C920", "usb-0000:01:00.0-1.2"), (info.Driver, info.Card, info.BusInfo));
        Assert.Equal(["Video Capture", "Streaming", "Extended Pix Format"], info.DeviceCaps);
        Assert.True(info.CanCapture);
    }

    [Fact]
    public void Usb_webcam_metadata_node_has_no_video_capture_in_device_caps()
    {
        var info = V4l2InfoParser.Parse(TestFixtures.Read("v4l2/usb-webcam/video1-info.txt"));

        Assert.NotNull(info);
        Assert.Equal(["Metadata Capture", "Streaming", "Extended Pix Format"], info.DeviceCaps);
        Assert.False(info.CanCapture);
    }

    [Fact]
    public void Legacy_camera_is_the_mmal_driver()
    {
        var info = V4l2InfoParser.Parse(TestFixtures.Read("v4l2/legacy-bcm2835/video0-info.txt"));

        Assert.NotNull(info);
        Assert.Equal(("bm2835 mmal", "mmal service 16.1", "platform:bcm2835-v4l2-0"), (info.Driver, info.Card, info.BusInfo));
        Assert.True(info.CanCapture);
    }

    [Fact]
    public void Codec_node_is_memory_to_memory()
    {
        var info = V4l2InfoParser.Parse(TestFixtures.Read("v4l2/libcamera-pi4/video10-info.txt"));

        Assert.NotNull(info);
        Assert.Equal("bcm2835-codec", info.Driver);
        Assert.Equal(["Video Memory-to-Memory Multiplanar", "Streaming", "Extended Pix Format"], info.DeviceCaps);
        Assert.False(info.CanCapture);
    }

    [Fact]
    public void Node_that_could_not_be_opened_gives_null()
    {
        Assert.Null(V4l2InfoParser.Parse("Cannot open device /dev/video0, exiting.\n"));
    }
}
