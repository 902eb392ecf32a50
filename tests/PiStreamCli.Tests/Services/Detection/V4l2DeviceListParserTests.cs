using PiStream.Services.Detection;
using PiStream.Tests;
using Xunit;

namespace PiStream.Tests.Services.Detection;

public sealed class V4l2DeviceListParserTests
{
    [Fact]
    public void Usb_webcam_is_one_camera_with_both_video_nodes_and_no_media_node()
    {
        var device = Assert.Single(V4l2DeviceListParser.Parse(TestFixtures.Read("v4l2/usb-webcam/list-devices.txt")));

        Assert.Equal(("HD Pro Webcam C920", "usb-0000:01:00.0-1.2"), (device.Name, device.Bus));
        Assert.Equal(["/dev/video0", "/dev/video1"], device.VideoNodes);
        Assert.Null(device.SkipReason);
    }

    [Fact]
    public void Legacy_bcm2835_camera_is_the_mmal_service_and_codec_and_isp_are_skipped()
    {
        var devices = V4l2DeviceListParser.Parse(TestFixtures.Read("v4l2/legacy-bcm2835/list-devices.txt"));

        Assert.Equal(["bcm2835-codec-decode", "bcm2835-isp", "mmal service 16.1"], devices.Select(d => d.Name));
        Assert.Contains("codec", devices[0].SkipReason);
        Assert.Contains("image signal processor", devices[1].SkipReason);
        Assert.Null(devices[2].SkipReason);
        Assert.Equal(["/dev/video0"], devices[2].VideoNodes);
    }

    [Fact]
    public void Libcamera_pi_unicam_codec_isp_and_decoder_are_all_skipped_with_why()
    {
        var devices = V4l2DeviceListParser.Parse(TestFixtures.Read("v4l2/libcamera-pi4/list-devices.txt"));

        Assert.Equal(4, devices.Count);
        Assert.All(devices, device => Assert.False(device.IsCamera));
        var unicam = devices.Single(d => d.Name == "unicam");
        Assert.Equal("platform:fe801000.csi", unicam.Bus);
        Assert.Contains("--source libcamera", unicam.SkipReason);
        Assert.Equal(8, devices.Single(d => d.Name == "bcm2835-isp").VideoNodes.Count);
        Assert.Contains("decoder", devices.Single(d => d.Name == "rpivid").SkipReason);
    }

    [Fact]
    public void Classify_node_skips_metadata_nodes_and_non_camera_drivers_keeps_capture_nodes()
    {
        string? Classify(string fixture) => V4l2DeviceListParser.ClassifyNode(V4l2InfoParser.Parse(TestFixtures.Read(fixture))!);

        Assert.Null(Classify("v4l2/usb-webcam/video0-info.txt"));
        Assert.Contains("metadata-only", Classify("v4l2/usb-webcam/video1-info.txt"));
        Assert.Null(Classify("v4l2/legacy-bcm2835/video0-info.txt"));
        Assert.Contains("raw Bayer", Classify("v4l2/libcamera-pi4/video0-info.txt"));
        Assert.Contains("codec", Classify("v4l2/libcamera-pi4/video10-info.txt"));
        Assert.Contains("image signal processor", Classify("v4l2/libcamera-pi4/video14-info.txt"));
    }
}
