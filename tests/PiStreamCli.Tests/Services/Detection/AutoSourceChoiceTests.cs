using PiStream.Services.Capture;
using PiStream.Services.Detection;
using Xunit;

namespace PiStream.Tests.Services.Detection;

public sealed class AutoSourceChoiceTests
{
    private static V4l2Node Node(string path, string? skip) => new(path, "uvcvideo", "Cam", [], [], skip);

    [Fact]
    public void Inspected_webcam_whose_first_node_is_metadata_uses_the_second_node()
    {
        var device = new V4l2Device("Cam", "usb-1", ["/dev/video0", "/dev/video1"], null) { Nodes = [Node("/dev/video0", "metadata-only node"), Node("/dev/video1", null)] };

        var choice = AutoSourceChoice.From(new CameraInventory(null, [], "v4l2-ctl", [device]));

        Assert.Equal(new SourceSpec(SourceKind.V4l2, "/dev/video1"), choice.Source);
        Assert.Contains("/dev/video1 (Cam)", choice.Reason);
    }

    [Fact]
    public void Webcam_with_every_node_skipped_is_not_a_camera_so_the_test_pattern_is_used()
    {
        var device = new V4l2Device("Cam", "usb-1", ["/dev/video0"], null) { Nodes = [Node("/dev/video0", "could not be opened")] };

        var choice = AutoSourceChoice.From(new CameraInventory(null, [], "v4l2-ctl", [device]));

        Assert.False(device.IsCamera);
        Assert.True(choice.IsFallback);
        Assert.Equal(SourceSpec.Test, choice.Source);
    }

    [Fact]
    public void Libcamera_camera_wins_over_a_webcam()
    {
        var webcam = new V4l2Device("Cam", "usb-1", ["/dev/video0"], null);
        var camera = new LibcameraCamera(0, "imx219", 3280, 2464, null, []);

        var choice = AutoSourceChoice.From(new CameraInventory("rpicam-hello", [camera], "v4l2-ctl", [webcam]));

        Assert.Equal(new SourceSpec(SourceKind.Libcamera, "0"), choice.Source);
    }

    [Fact]
    public async Task A_given_source_is_kept_without_looking_for_cameras()
    {
        using var tools = new FakeToolDirectory();
        tools.Add("rpicam-hello", "echo asked > \"$(dirname \"$0\")/asked\"");
        var warnings = new List<string>();

        var spec = await AutoSourceChoice.ResolveAsync(new SourceSpec(SourceKind.V4l2, "/dev/video2"), Detector(tools), warnings.Add, CancellationToken.None);

        Assert.Equal(new SourceSpec(SourceKind.V4l2, "/dev/video2"), spec);
        Assert.False(File.Exists(Path.Combine(tools.Path, "asked")));
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task Auto_picks_a_listed_libcamera_camera_without_a_warning()
    {
        using var tools = new FakeToolDirectory();
        tools.Add("rpicam-hello", $"cat '{TestFixtures.Directory("rpicam/one-camera.txt")}'");
        var warnings = new List<string>();

        var spec = await AutoSourceChoice.ResolveAsync(SourceSpec.Auto, Detector(tools), warnings.Add, CancellationToken.None);

        Assert.Equal(SourceKind.Libcamera, spec.Kind);
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task Auto_without_a_camera_falls_back_to_the_test_pattern_with_a_warning_naming_the_fix()
    {
        using var tools = new FakeToolDirectory();
        tools.Add("rpicam-hello", "echo 'No cameras available!'");
        var warnings = new List<string>();

        var spec = await AutoSourceChoice.ResolveAsync(SourceSpec.Auto, Detector(tools), warnings.Add, CancellationToken.None);

        Assert.Equal(SourceSpec.Test, spec);
        Assert.Contains("--source libcamera or --source v4l2:/dev/videoN", Assert.Single(warnings));
    }

    private static CameraDetector Detector(FakeToolDirectory tools) => new(TimeSpan.FromSeconds(20), "/nonexistent", tools.Path);
}
