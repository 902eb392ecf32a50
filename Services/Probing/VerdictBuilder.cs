using PiStream.Services.Detection;
using PiStream.Services.Encoding;

namespace PiStream.Services.Probing;

/// <summary>Turns what was found into the verdict: the auto choices (the same <see cref="AutoSourceChoice"/> serve uses) and every fix.</summary>
internal static class VerdictBuilder
{
    public const string I2cDisabledFix = "I2C is disabled: sudo raspi-config nonint do_i2c 0";

    public static ProbeVerdict Build(PlatformInfo platform, FfmpegInfo ffmpeg, CameraInventory cameras, PanTiltReport panTilt, NetworkReport network)
    {
        var findings = new List<ProbeFinding>();
        AddFfmpeg(ffmpeg, findings);
        var choice = AutoSourceChoice.From(cameras);
        AddCameras(platform, cameras, choice, findings);
        var (hat, hatReason) = AddPanTilt(platform, panTilt, findings);
        foreach (var port in network.Ports.Where(port => !port.Free))
        {
            var option = port.Purpose == "http" ? "--port" : "--ws-port";
            findings.Add(new ProbeFinding(
                "network",
                $"{port.Purpose} {port.Problem}",
                $"stop the program on it (sudo ss -ltnp 'sport = :{port.Port}' names it) or pick another port: pistream serve {option} {port.Port + 10}",
                Blocking: true));
        }

        var blocker = findings.Any(f => f.Blocking && f.Area == "ffmpeg") ? ServeBlocker.MissingDependency
            : findings.Any(f => f.Blocking) ? ServeBlocker.PortInUse
            : ServeBlocker.None;
        return new ProbeVerdict(blocker == ServeBlocker.None, blocker, choice.Source.ToString(), choice.Reason, choice.IsFallback, hat, hatReason, findings);
    }

    private static void AddFfmpeg(FfmpegInfo ffmpeg, List<ProbeFinding> findings)
    {
        if (!ffmpeg.Found)
        {
            findings.Add(new ProbeFinding("ffmpeg", "ffmpeg is not on PATH; serve encodes the video with it", FfmpegLocator.InstallHint, Blocking: true));
        }
        else if (ffmpeg.Version is null)
        {
            findings.Add(new ProbeFinding("ffmpeg", $"{ffmpeg.Path} did not answer 'ffmpeg -version'", "reinstall it: sudo apt-get install --reinstall ffmpeg", Blocking: true));
        }
        else if (!ffmpeg.Has("mpeg1video"))
        {
            findings.Add(new ProbeFinding("ffmpeg", $"{ffmpeg.Path} has no mpeg1video encoder, which the browser player needs", "install Debian's full ffmpeg: sudo apt-get install ffmpeg", Blocking: true));
        }
    }

    private static void AddCameras(PlatformInfo platform, CameraInventory cameras, AutoSourceChoice choice, List<ProbeFinding> findings)
    {
        if (cameras.V4l2Tool is null)
        {
            findings.Add(new ProbeFinding("camera", "v4l2-ctl is not installed, so webcam formats cannot be listed", "sudo apt-get install v4l-utils", Blocking: false));
        }

        if (!choice.IsFallback)
        {
            return;
        }

        if (platform.IsRaspberryPi && cameras.LibcameraTool is null)
        {
            findings.Add(new ProbeFinding("camera", "no camera found, and rpicam-hello is not installed to look for a Pi camera", "sudo apt-get install rpicam-apps", Blocking: false));
        }
        else if (platform.IsRaspberryPi)
        {
            findings.Add(new ProbeFinding("camera", "no camera found: serve streams the test pattern", "check the ribbon cable (contacts towards the board), reboot, then run: rpicam-hello --list-cameras", Blocking: false));
        }
        else
        {
            findings.Add(new ProbeFinding("camera", "no camera found: serve streams the test pattern", "plug in a USB webcam (it appears as /dev/video0), or stream a file: pistream serve --source file:PATH", Blocking: false));
        }
    }

    private static (string PanTilt, string Reason) AddPanTilt(PlatformInfo platform, PanTiltReport panTilt, List<ProbeFinding> findings)
    {
        var hat = panTilt.Hat;
        if (hat.Answers)
        {
            return ("hat", $"Pan-Tilt HAT answers at 0x{hat.Address:x2} on {hat.BusPath}");
        }

        if (!hat.BusPresent)
        {
            // A Pi 4 has /dev/i2c-20 and -21 (HDMI) even with I2C off: only the HAT's bus counts.
            var problem = platform.IsRaspberryPi ? $"no I2C bus {hat.BusPath}" : $"no I2C bus {hat.BusPath}: the Pan-Tilt HAT needs a Raspberry Pi with I2C on";
            findings.Add(new ProbeFinding("pantilt", problem, I2cDisabledFix, Blocking: false));
            return ("none", $"no I2C bus {hat.BusPath}: serve runs without pan-tilt");
        }

        var fix = hat.Error?.Contains("usermod", StringComparison.Ordinal) == true
            ? "sudo usermod -aG i2c $USER, then log in again"
            : $"seat the HAT firmly on the GPIO header, then check that {hat.Address:x2} shows up in: i2cdetect -y {hat.Bus} (or give its address with --i2c-address)";
        findings.Add(new ProbeFinding("pantilt", $"no Pan-Tilt HAT answers at 0x{hat.Address:x2} on {hat.BusPath} ({hat.Error})", fix, Blocking: false));
        return ("none", "no Pan-Tilt HAT found: serve runs without pan-tilt");
    }
}
