using PiStream.Services.Detection;
using PiStream.Services.Encoding;
using PiStream.Services.Probing;
using Xunit;
using static PiStream.Tests.Services.Probing.ProbeSamples;

namespace PiStream.Tests.Services.Probing;

public sealed class VerdictBuilderTests
{
    [Fact]
    public void This_kind_of_machine_can_serve_the_test_pattern_without_pan_tilt()
    {
        var verdict = VerdictBuilder.Build(Pc, Ffmpeg, NoCameras, NoI2c, NetworkWithFreePorts);

        Assert.True(verdict.CanServe);
        Assert.Equal(ServeBlocker.None, verdict.Blocker);
        Assert.Equal(("test", true), (verdict.Source, verdict.UsesTestPattern));
        Assert.Equal("none", verdict.PanTilt);
        Assert.DoesNotContain(verdict.Findings, f => f.Blocking);
        Assert.Contains(verdict.Findings, f => f.Area == "pantilt" && f.Fix == "I2C is disabled: sudo raspi-config nonint do_i2c 0");
    }

    [Fact]
    public void Missing_ffmpeg_blocks_serve_with_the_install_command()
    {
        var verdict = VerdictBuilder.Build(Pc, NoFfmpeg, NoCameras, NoI2c, NetworkWithFreePorts);

        Assert.False(verdict.CanServe);
        Assert.Equal(ServeBlocker.MissingDependency, verdict.Blocker);
        var finding = Assert.Single(verdict.Findings, f => f.Blocking);
        Assert.Equal(FfmpegLocator.InstallHint, finding.Fix);
    }

    [Fact]
    public void Ffmpeg_without_mpeg1video_blocks_serve()
    {
        var ffmpeg = Ffmpeg with { Encoders = new Dictionary<string, bool> { ["mpeg1video"] = false } };

        var verdict = VerdictBuilder.Build(Pc, ffmpeg, NoCameras, NoI2c, NetworkWithFreePorts);

        Assert.Equal(ServeBlocker.MissingDependency, verdict.Blocker);
        Assert.Contains("mpeg1video", Assert.Single(verdict.Findings, f => f.Blocking).Problem);
    }

    [Fact]
    public void Port_in_use_blocks_serve_and_suggests_another_port()
    {
        var network = NetworkWithFreePorts with { Ports = [new PortStatus(8082, "http", false, "port 8082 is in use by another program"), new PortStatus(8084, "websocket", true, null)] };

        var verdict = VerdictBuilder.Build(Pc, Ffmpeg, NoCameras, NoI2c, network);

        Assert.Equal(ServeBlocker.PortInUse, verdict.Blocker);
        Assert.Contains("pistream serve --port 8092", Assert.Single(verdict.Findings, f => f.Blocking).Fix);
    }

    [Fact]
    public void Pi_without_rpicam_apps_says_how_to_install_them()
    {
        var verdict = VerdictBuilder.Build(Pi, Ffmpeg, NoCameras, NoI2c, NetworkWithFreePorts);

        Assert.Contains(verdict.Findings, f => f.Area == "camera" && f.Fix == "sudo apt-get install rpicam-apps");
    }

    [Fact]
    public void Pi_camera_and_hat_are_what_auto_picks_with_nothing_to_fix()
    {
        var cameras = new CameraInventory("/usr/bin/rpicam-hello", [new LibcameraCamera(0, "imx708", 4608, 2592, null, [])], "/usr/bin/v4l2-ctl", []);
        var panTilt = new PanTiltReport(["/dev/i2c-1"], new PanTiltHatScan(1, "/dev/i2c-1", 0x15, true, true, 0, 10, null));

        var verdict = VerdictBuilder.Build(Pi, Ffmpeg, cameras, panTilt, NetworkWithFreePorts);

        Assert.Equal(("libcamera:0", false), (verdict.Source, verdict.UsesTestPattern));
        Assert.Equal("hat", verdict.PanTilt);
        Assert.Empty(verdict.Findings);
    }

    [Fact]
    public void Bus_without_hat_says_to_seat_it_and_check_with_i2cdetect()
    {
        var panTilt = new PanTiltReport(["/dev/i2c-1"], new PanTiltHatScan(1, "/dev/i2c-1", 0x15, true, false, null, null, "Error 121 performing I2C data transfer."));

        var verdict = VerdictBuilder.Build(Pi, Ffmpeg, NoCameras, panTilt, NetworkWithFreePorts);

        Assert.Equal("none", verdict.PanTilt);
        Assert.Contains("i2cdetect -y 1", Assert.Single(verdict.Findings, f => f.Area == "pantilt").Fix);
    }
}
