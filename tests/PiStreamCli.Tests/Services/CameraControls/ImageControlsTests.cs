using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Commands;
using PiStream.Services.CameraControls;
using PiStream.Services.Capture;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.CameraControls;

/// <summary>Each camera control, from the command line to the exact rpicam-vid / v4l2-ctl arguments it produces.</summary>
public sealed class ImageControlsTests
{
    private static readonly string[] Base = ["-t", "0", "-n", "--codec", "yuv420", "--width", "640", "--height", "480", "--framerate", "24", "--flush"];

    [Theory]
    [InlineData("--shutter 10000", "--shutter 10000")]
    [InlineData("--gain 2.5", "--gain 2.5")]
    [InlineData("--ev -1.5", "--ev -1.5")]
    [InlineData("--awb daylight", "--awb daylight")]
    [InlineData("--brightness -0.25", "--brightness -0.25")]
    [InlineData("--contrast 1.5", "--contrast 1.5")]
    [InlineData("--saturation 0", "--saturation 0")]
    [InlineData("--sharpness 2", "--sharpness 2")]
    [InlineData("--denoise cdn_fast", "--denoise cdn_fast")]
    [InlineData("--metering spot", "--metering spot")]
    [InlineData("--autofocus-mode manual --lens-position 2", "--autofocus-mode manual --lens-position 2")]
    [InlineData("--hdr sensor", "--hdr sensor")]
    [InlineData("--roi 0.25,0.25,0.5,0.5", "--roi 0.25,0.25,0.5,0.5")]
    [InlineData("--awb cloudy --shutter 500 --gain 1", "--shutter 500 --gain 1 --awb cloudy")]
    public void Each_pi_camera_control_becomes_its_rpicam_vid_option(string given, string expected)
    {
        foreach (var command in new[] { "serve", "record" })
        {
            var controls = Parse(command, given.Split(' '));

            var arguments = CaptureSourceFactory.LibcameraArguments(new CaptureSettings(SourceSpec.Auto, new VideoFormat(640, 480, 24)) { Controls = controls });

            Assert.Equal([.. Base, .. expected.Split(' '), "-o", "-"], arguments);
        }
    }

    [Fact]
    public void A_tuning_file_is_passed_as_its_full_path_as_one_argument()
    {
        using var folder = new TempFolder();
        var file = folder.File("imx219 noir.json");
        File.WriteAllText(file, "{}");

        var controls = Parse("serve", ["--tuning-file", file]);

        Assert.Equal(["--tuning-file", file], controls.LibcameraArguments());
    }

    [Fact]
    public void No_controls_leave_the_command_line_as_it_was()
    {
        var arguments = CaptureSourceFactory.LibcameraArguments(new CaptureSettings(SourceSpec.Auto, new VideoFormat(640, 480, 24)) { Controls = Parse("serve", []) });

        Assert.Equal([.. Base, "-o", "-"], arguments);
    }

    [Fact]
    public void Webcam_controls_become_one_v4l2_ctl_call_in_the_order_given()
    {
        var controls = Parse("serve", ["--source", "v4l2:/dev/video1", "--v4l2-control", "brightness=140", "--v4l2-control", "white_balance_automatic=0"]);

        Assert.Equal(["-d", "/dev/video1", "--set-ctrl", "brightness=140,white_balance_automatic=0"], controls.V4l2CtlArguments("/dev/video1"));
        Assert.Empty(controls.LibcameraArguments());
    }

    [Fact]
    public async Task V4l2_ctl_runs_with_exactly_those_arguments_and_a_refusal_names_the_fix()
    {
        using var tools = new FakeToolDirectory();
        var log = Path.Combine(tools.Path, "args.txt");
        tools.Add("v4l2-ctl", $"printf '%s\\n' \"$@\" > '{log}'; case \"$4\" in *bogus*) echo 'unknown control bogus' >&2; exit 1;; esac");
        var controls = new ImageControls { V4l2 = [new V4l2Control("brightness", 140), new V4l2Control("contrast", -3)] };

        await V4l2ControlApplier.ApplyAsync("/dev/video0", controls, NullLogger.Instance, CancellationToken.None, Path.Combine(tools.Path, "v4l2-ctl"));
        Assert.Equal(["-d", "/dev/video0", "--set-ctrl", "brightness=140,contrast=-3"], File.ReadAllLines(log));

        var refused = await Assert.ThrowsAsync<CameraControlException>(() =>
            V4l2ControlApplier.ApplyAsync("/dev/video0", new ImageControls { V4l2 = [new V4l2Control("bogus", 1)] }, NullLogger.Instance, CancellationToken.None, Path.Combine(tools.Path, "v4l2-ctl")));
        Assert.Contains("unknown control bogus", refused.Message);
        Assert.Contains("--list-ctrls", refused.Message);
        Assert.False(refused.ToolMissing);
    }

    [Theory]
    [InlineData("serve", "--shutter 0", "--shutter 0 is out of range")]
    [InlineData("serve", "--gain 0.5", "--gain 0.5 is out of range")]
    [InlineData("record", "--ev 11", "--ev 11 is out of range")]
    [InlineData("serve", "--awb sunny", "--awb 'sunny' is not one of: auto, incandescent")]
    [InlineData("serve", "--brightness 1.5", "--brightness 1.5 is out of range: use a value from -1 to 1")]
    [InlineData("serve", "--denoise hq", "--denoise 'hq' is not one of")]
    [InlineData("serve", "--metering matrix", "--metering 'matrix' is not one of")]
    [InlineData("serve", "--autofocus-mode on", "--autofocus-mode 'on' is not one of")]
    [InlineData("serve", "--lens-position -1", "--lens-position -1 is out of range")]
    [InlineData("serve", "--hdr yes", "--hdr 'yes' is not one of")]
    [InlineData("serve", "--tuning-file /nonexistent/noir.json", "--tuning-file '/nonexistent/noir.json' does not exist")]
    [InlineData("serve", "--roi 0.5,0.5,0.6,0.2", "reaches past the sensor's edge")]
    [InlineData("serve", "--roi 0,0,0,1", "width and height must be above 0")]
    [InlineData("serve", "--roi 1,2,3", "give four fractions")]
    [InlineData("serve", "--v4l2-control brightness", "the value must be a whole number")]
    [InlineData("serve", "--v4l2-control Bright=1", "no usable control name")]
    [InlineData("serve", "--source test --shutter 100", "--shutter is a Raspberry Pi camera control")]
    [InlineData("record", "--source v4l2 --awb auto", "--awb is a Raspberry Pi camera control")]
    [InlineData("serve", "--source libcamera --v4l2-control brightness=1", "--v4l2-control sets a USB webcam's controls")]
    public async Task Bad_values_exit_2_naming_the_fix_before_anything_starts(string command, string given, string expected)
    {
        string[] args = [command, .. command == "record" ? new[] { "clip.mp4" } : [], .. given.Split(' ')];
        using var error = new StringWriter();

        var exitCode = await PiStreamCommandLine.RunAsync(PiStreamCommandLine.Create(), args, error);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error.ToString());
    }

    private static ImageControls Parse(string command, string[] options)
    {
        string[] args = [command, .. command == "record" ? new[] { "clip.mp4" } : [], .. options];
        var result = PiStreamCommandLine.Create().Parse(args);
        Assert.Empty(result.Errors);
        return CameraControlOptions.Controls(result);
    }
}
