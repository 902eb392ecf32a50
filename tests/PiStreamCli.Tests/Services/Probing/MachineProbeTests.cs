using System.Text.Json;
using PiStream.Services.Detection;
using PiStream.Services.Encoding;
using PiStream.Services.Probing;
using PiStream.Services.PanTilt;
using Xunit;

namespace PiStream.Tests.Services.Probing;

public sealed class MachineProbeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pistream-probe-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Pi_with_webcam_and_hat_reports_all_of_it_and_serve_can_run()
    {
        using var tools = new FakeToolDirectory();
        tools.AddV4l2Ctl("v4l2/usb-webcam");
        tools.Add("rpicam-hello", "echo 'No cameras available!'");
        tools.Add("ffmpeg", $"case \"$2\" in -version) cat '{TestFixtures.Directory("ffmpeg/version-debian12.txt")}' ;; -encoders) cat '{TestFixtures.Directory("ffmpeg/encoders-debian12.txt")}' ;; esac");
        var dev = Directory.CreateDirectory(Path.Combine(_root, "dev")).FullName;
        File.WriteAllText(Path.Combine(dev, "i2c-1"), "");
        var hat = new SimulatedPanTiltDevice();
        hat.Write([(byte)PanTiltRegister.Servo2, 0, 0]); // tilt never set since power-on
        var model = Path.Combine(_root, "model");
        File.WriteAllText(model, "Raspberry Pi 4 Model B Rev 1.4\0");
        var probe = new MachineProbe(
            new CameraDetector(TimeSpan.FromSeconds(20), "/nonexistent", tools.Path),
            new FfmpegInspector(TimeSpan.FromSeconds(20), tools.Path),
            new I2cScanner(dev, _ => hat),
            new PlatformInspector(model));

        var report = await probe.RunAsync(0, 0, PanTiltHatOptions.Default, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("Raspberry Pi 4 Model B Rev 1.4", report.Platform.PiModel);
        Assert.Equal("5.1.9-0+deb12u1", report.Ffmpeg.Version);
        Assert.Empty(report.Cameras.LibcameraCameras);
        Assert.Equal("/dev/video0", Assert.Single(report.Cameras.V4l2Devices).CaptureNode);
        Assert.Equal((true, 0, (int?)null), (report.PanTilt.Hat.Answers, report.PanTilt.Hat.PanDegrees, report.PanTilt.Hat.TiltDegrees));
        Assert.Equal(("v4l2:/dev/video0", "hat", true), (report.Verdict.Source, report.Verdict.PanTilt, report.Verdict.CanServe));

        var text = new StringWriter();
        ProbeTextRenderer.Write(report, text);
        Assert.Contains("/dev/video0  driver uvcvideo, HD Pro Webcam C920", text.ToString());
        Assert.Contains("YUYV (YUYV 4:2:2): 640x480@30fps, 160x90@30fps, 320x240@30fps, 800x600@24fps, 1280x720@10fps, 1920x1080@5fps", text.ToString());
        Assert.Contains("/dev/video1 skipped: metadata-only node", text.ToString());
        Assert.Contains("found, pan 0°, tilt not set", text.ToString());
        Assert.Contains("serve --source auto  -> v4l2:/dev/video0", text.ToString());
        Assert.Equal(("h264", "h264_v4l2m2m"), (report.Verdict.Codec, report.Verdict.Encoder)); // the fake ffmpeg's trial encode succeeds
        Assert.Contains("serve --codec auto   -> h264 with h264_v4l2m2m: the Pi's hardware H.264 encoder opened in a trial encode", text.ToString());
        Assert.Contains("\"codec\": \"h264\"", ProbeJson.Serialize(report));

        // The webcam's controls, from v4l2-ctl --list-ctrls-menus, and how to set them.
        Assert.Contains("Controls (serve --v4l2-control NAME=VALUE sets one; /dev/video0):", text.ToString());
        Assert.Contains("          brightness                     int 0..255, default 128, now 128\n", text.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("          power_line_frequency           menu 0 Disabled, 1 50 Hz, 2 60 Hz; default 2, now 2 (60 Hz)\n", text.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("          white_balance_temperature      int 2000..6500, default 4000, now 4000 [inactive]\n", text.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("          pan_absolute                   int -36000..36000 step 3600, default 0, now 0\n", text.ToString().ReplaceLineEndings("\n"));
        using var json = JsonDocument.Parse(ProbeJson.Serialize(report));
        var nodes = json.RootElement.GetProperty("cameras").GetProperty("v4l2Devices")[0].GetProperty("nodes");
        var controls = nodes[0].GetProperty("controls");
        Assert.Equal(17, controls.GetArrayLength());
        var powerLine = controls.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "power_line_frequency");
        Assert.Equal(("menu", 0, 2, 2, 2, "60 Hz"), (powerLine.GetProperty("type").GetString(), powerLine.GetProperty("min").GetInt32(), powerLine.GetProperty("max").GetInt32(),
            powerLine.GetProperty("default").GetInt32(), powerLine.GetProperty("value").GetInt32(), powerLine.GetProperty("valueText").GetString()));
        Assert.Equal(JsonValueKind.Null, powerLine.GetProperty("step").ValueKind);
        Assert.Equal("50 Hz", powerLine.GetProperty("menu")[1].GetProperty("name").GetString());
        Assert.Equal("inactive", controls.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "focus_absolute").GetProperty("flags")[0].GetString());
        Assert.Equal(0, nodes[1].GetProperty("controls").GetArrayLength()); // the metadata node is not asked
    }

    [Fact]
    public async Task Pi_cameras_get_the_options_that_apply_to_their_sensor()
    {
        using var tools = new FakeToolDirectory();
        tools.Add("rpicam-hello", $"cat '{TestFixtures.Directory("rpicam/two-cameras.txt")}'");
        var model = Path.Combine(_root, "model");
        File.WriteAllText(model, "Raspberry Pi 5 Model B Rev 1.0\0");
        var probe = new MachineProbe(
            new CameraDetector(TimeSpan.FromSeconds(20), "/nonexistent", tools.Path),
            new FfmpegInspector(TimeSpan.FromSeconds(20), tools.Path),
            new I2cScanner(_root, _ => new SimulatedPanTiltDevice()),
            new PlatformInspector(model));

        var report = await probe.RunAsync(0, 0, PanTiltHatOptions.Default, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        var text = new StringWriter();
        ProbeTextRenderer.Write(report, text);
        var lines = text.ToString().ReplaceLineEndings("\n");
        Assert.Contains(
            "      Controls (serve/record options): --shutter --gain --ev --brightness --contrast --sharpness --denoise --metering --roi --tuning-file --awb --saturation\n" +
            "      Focus:  fixed (no focus motor): --autofocus-mode and --lens-position do nothing\n" +
            "      HDR:    --hdr auto|single-exp\n" +
            "      Aiming: the field of view depends on the lens: give serve --hfov and --vfov for click-to-point\n",
            lines); // camera 0, the HQ camera, on a Pi 5
        Assert.Contains("      Aiming: 62.2 x 48.8 degrees field of view, Camera Module v2 (imx219)\n", lines);
        using var json = JsonDocument.Parse(ProbeJson.Serialize(report));
        var hq = json.RootElement.GetProperty("cameras").GetProperty("libcameraCameras")[0].GetProperty("controls");
        Assert.False(hq.GetProperty("focusMotor").GetBoolean());
        Assert.False(hq.GetProperty("sensorHdr").GetBoolean());
        Assert.Contains("--awb", hq.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task Camera_module_3_has_focus_and_sensor_hdr()
    {
        using var tools = new FakeToolDirectory();
        tools.Add("rpicam-hello", $"cat '{TestFixtures.Directory("rpicam/one-camera.txt")}'");
        var cameras = await new CameraDetector(TimeSpan.FromSeconds(20), "/nonexistent", tools.Path).DetectAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        var text = new StringWriter();
        CameraTextRenderer.Write(cameras, text, "Raspberry Pi 4 Model B Rev 1.4");

        Assert.Contains("      Focus:  focus motor: --autofocus-mode, --lens-position\n", text.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("      HDR:    --hdr auto|sensor\n", text.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("      Aiming: 102 x 67 degrees field of view, Camera Module 3 Wide (imx708_wide)\n", text.ToString().ReplaceLineEndings("\n"));
    }
}
