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
    }
}
