using PiStream.Services.Capture;
using PiStream.Services.Detection;
using PiStream.Tests;
using Xunit;

namespace PiStream.Tests.Services.Detection;

public sealed class CameraDetectorTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Usb_webcam_inspects_both_nodes_and_auto_picks_the_capture_node_not_the_metadata_node()
    {
        using var tools = new FakeToolDirectory();
        tools.AddV4l2Ctl("v4l2/usb-webcam");

        var inventory = await new CameraDetector(TimeSpan.FromSeconds(20), "/nonexistent", tools.Path).DetectAsync(CancellationToken.None).WaitAsync(Generous);

        Assert.Null(inventory.LibcameraTool);
        Assert.Equal(Path.Combine(tools.Path, "v4l2-ctl"), inventory.V4l2Tool);
        var device = Assert.Single(inventory.V4l2Devices);
        Assert.Equal(["/dev/video0", "/dev/video1"], device.Nodes.Select(n => n.Path));
        Assert.Equal(("uvcvideo", "HD Pro Webcam C920"), (device.Nodes[0].Driver, device.Nodes[0].Card));
        Assert.Equal(["YUYV", "MJPG"], device.Nodes[0].Formats.Select(f => f.FourCc));
        Assert.Null(device.Nodes[0].SkipReason);
        Assert.Contains("metadata-only", device.Nodes[1].SkipReason);
        Assert.Equal(new SourceSpec(SourceKind.V4l2, "/dev/video0"), AutoSourceChoice.From(inventory).Source);
    }

    [Fact]
    public async Task Libcamera_pi_does_not_open_skipped_devices_and_auto_picks_the_libcamera_camera()
    {
        using var tools = new FakeToolDirectory();
        tools.AddV4l2Ctl("v4l2/libcamera-pi4");
        tools.Add("rpicam-hello", $"cat '{TestFixtures.Directory("rpicam/one-camera.txt")}'");

        var inventory = await new CameraDetector(TimeSpan.FromSeconds(20), "/nonexistent", tools.Path).DetectAsync(CancellationToken.None).WaitAsync(Generous);

        Assert.Equal("imx708_wide", Assert.Single(inventory.LibcameraCameras).Sensor);
        Assert.Equal(4, inventory.V4l2Devices.Count);
        Assert.All(inventory.V4l2Devices, device => Assert.Empty(device.Nodes));
        Assert.All(inventory.V4l2Devices, device => Assert.NotNull(device.SkipReason));
        var choice = AutoSourceChoice.From(inventory);
        Assert.Equal(new SourceSpec(SourceKind.Libcamera, "0"), choice.Source);
        Assert.False(choice.IsFallback);
    }

    [Fact]
    public async Task Node_that_cannot_be_opened_is_skipped_with_the_tools_message()
    {
        using var tools = new FakeToolDirectory();
        tools.Add("v4l2-ctl", """
            if [ "$1" = "--list-devices" ]; then printf 'USB Camera (usb-1):\n\t/dev/video7\n'; exit 0; fi
            echo "Cannot open device $2, exiting." >&2; exit 1
            """);

        var inventory = await new CameraDetector(TimeSpan.FromSeconds(20), "/nonexistent", tools.Path).DetectAsync(CancellationToken.None).WaitAsync(Generous);

        var node = Assert.Single(Assert.Single(inventory.V4l2Devices).Nodes);
        Assert.Contains("Cannot open device /dev/video7", node.SkipReason);
        Assert.True(AutoSourceChoice.From(inventory).IsFallback);
    }

    [Fact]
    public async Task Hung_list_cameras_is_cut_off_by_the_timeout_and_detection_still_answers()
    {
        using var tools = new FakeToolDirectory();
        tools.Add("rpicam-hello", "exec sleep 600");

        var inventory = await new CameraDetector(TimeSpan.FromSeconds(1), "/nonexistent", tools.Path).DetectAsync(CancellationToken.None).WaitAsync(Generous);

        Assert.Equal(Path.Combine(tools.Path, "rpicam-hello"), inventory.LibcameraTool);
        Assert.Empty(inventory.LibcameraCameras);
        Assert.Equal(SourceSpec.Test, AutoSourceChoice.From(inventory).Source);
    }

    [Fact]
    public async Task Without_v4l2_ctl_it_falls_back_to_sysfs()
    {
        using var tools = new FakeToolDirectory();
        var sysfs = Directory.CreateTempSubdirectory("pistream-sysfs-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(sysfs, "video0"));
            File.WriteAllText(Path.Combine(sysfs, "video0", "name"), "unicam-image\n");
            Directory.CreateDirectory(Path.Combine(sysfs, "video2"));
            File.WriteAllText(Path.Combine(sysfs, "video2", "name"), "USB2.0 HD UVC WebCam: USB2.0 HD\n");

            var inventory = await new CameraDetector(TimeSpan.FromSeconds(20), sysfs, tools.Path).DetectAsync(CancellationToken.None).WaitAsync(Generous);

            Assert.Null(inventory.V4l2Tool);
            Assert.Equal(["unicam-image", "USB2.0 HD UVC WebCam: USB2.0 HD"], inventory.V4l2Devices.Select(d => d.Name));
            Assert.False(inventory.V4l2Devices[0].IsCamera);
            Assert.Equal(new SourceSpec(SourceKind.V4l2, "/dev/video2"), AutoSourceChoice.From(inventory).Source);
        }
        finally
        {
            Directory.Delete(sysfs, recursive: true);
        }
    }
}
