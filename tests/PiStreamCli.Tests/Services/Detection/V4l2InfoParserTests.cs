using PiStream.Services.Detection;
using PiStream.Tests;
using Xunit;

namespace PiStream.Tests.Services.Detection;

public sealed class V4l2InfoParserTests
{
    [Fact]
    public void UsbWebcamCaptureNode_TakesDriverInfoAndDeviceCaps_NotTheMediaSection()
    {
        var info = V4l2InfoParser.Parse(TestFixtures.Read("v4l2/usb-webcam/video0-info.txt"));

        Assert.NotNull(info);
        Assert.Equal(("uvcvideo", "HD Pro Webcam C920", "usb-0000:01:00.0-1.2"), (info.Driver, info.Card, info.BusInfo));
        Assert.Equal(["Video Capture", "Streaming", "Extended Pix Format"], info.DeviceCaps);
        Assert.True(info.CanCapture);
    }

    [Fact]
    public void UsbWebcamMetadataNode_HasNoVideoCaptureInDeviceCaps()
    {
        var info = V4l2InfoParser.Parse(TestFixtures.Read("v4l2/usb-webcam/video1-info.txt"));

        Assert.NotNull(info);
        Assert.Equal(["Metadata Capture", "Streaming", "Extended Pix Format"], info.DeviceCaps);
        Assert.False(info.CanCapture);
    }

    [Fact]
    public void LegacyCamera_IsTheMmalDriver()
    {
        var info = V4l2InfoParser.Parse(TestFixtures.Read("v4l2/legacy-bcm2835/video0-info.txt"));

        Assert.NotNull(info);
        Assert.Equal(("bm2835 mmal", "mmal service 16.1", "platform:bcm2835-v4l2-0"), (info.Driver, info.Card, info.BusInfo));
        Assert.True(info.CanCapture);
    }

    [Fact]
    public void CodecNode_IsMemoryToMemory()
    {
        var info = V4l2InfoParser.Parse(TestFixtures.Read("v4l2/libcamera-pi4/video10-info.txt"));

        Assert.NotNull(info);
        Assert.Equal("bcm2835-codec", info.Driver);
        Assert.Equal(["Video Memory-to-Memory Multiplanar", "Streaming", "Extended Pix Format"], info.DeviceCaps);
        Assert.False(info.CanCapture);
    }

    [Fact]
    public void NodeThatCouldNotBeOpened_GivesNull()
    {
        Assert.Null(V4l2InfoParser.Parse("Cannot open device /dev/video0, exiting.\n"));
    }
}
