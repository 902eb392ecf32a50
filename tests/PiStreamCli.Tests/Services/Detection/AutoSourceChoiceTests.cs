using PiStream.Services.Capture;
using PiStream.Services.Detection;
using Xunit;

namespace PiStream.Tests.Services.Detection;

public sealed class AutoSourceChoiceTests
{
    private static V4l2Node Node(string path, string? skip) => new(path, "uvcvideo", "Cam", [], [], skip);

    [Fact]
    public void InspectedWebcamWhoseFirstNodeIsMetadata_UsesTheSecondNode()
    {
        var device = new V4l2Device("Cam", "usb-1", ["/dev/video0", "/dev/video1"], null) { Nodes = [Node("/dev/video0", "metadata-only node"), Node("/dev/video1", null)] };

        var choice = AutoSourceChoice.From(new CameraInventory(null, [], "v4l2-ctl", [device]));

        Assert.Equal(new SourceSpec(SourceKind.V4l2, "/dev/video1"), choice.Source);
        Assert.Contains("/dev/video1 (Cam)", choice.Reason);
    }

    [Fact]
    public void WebcamWithEveryNodeSkipped_IsNotACamera_SoTheTestPatternIsUsed()
    {
        var device = new V4l2Device("Cam", "usb-1", ["/dev/video0"], null) { Nodes = [Node("/dev/video0", "could not be opened")] };

        var choice = AutoSourceChoice.From(new CameraInventory(null, [], "v4l2-ctl", [device]));

        Assert.False(device.IsCamera);
        Assert.True(choice.IsFallback);
        Assert.Equal(SourceSpec.Test, choice.Source);
    }

    [Fact]
    public void LibcameraCamera_WinsOverAWebcam()
    {
        var webcam = new V4l2Device("Cam", "usb-1", ["/dev/video0"], null);
        var camera = new LibcameraCamera(0, "imx219", 3280, 2464, null, []);

        var choice = AutoSourceChoice.From(new CameraInventory("rpicam-hello", [camera], "v4l2-ctl", [webcam]));

        Assert.Equal(new SourceSpec(SourceKind.Libcamera, "0"), choice.Source);
    }
}
