using PiStream.Services.Detection;
using PiStream.Services.Encoding;
using PiStream.Services.Probing;

namespace PiStream.Tests.Services.Probing;

/// <summary>Building blocks for verdict tests: a PC, a Pi, ffmpeg present or not, no camera, no I2C.</summary>
internal static class ProbeSamples
{
    public static PlatformInfo Pc { get; } = new("Debian GNU/Linux 12 (bookworm)", "6.1.0", "x64", "x64", null, ".NET 10.0.0");

    public static PlatformInfo Pi { get; } = new("Debian GNU/Linux 12 (bookworm)", "6.6.31+rpt-rpi-v8", "arm64", "arm64", "Raspberry Pi 4 Model B Rev 1.4", ".NET 10.0.0");

    public static FfmpegInfo Ffmpeg { get; } = new("/usr/bin/ffmpeg", "5.1.9", new Dictionary<string, bool> { ["mpeg1video"] = true, ["libx264"] = true, ["h264_v4l2m2m"] = true });

    public static FfmpegInfo NoFfmpeg { get; } = new(null, null, new Dictionary<string, bool> { ["mpeg1video"] = false, ["libx264"] = false, ["h264_v4l2m2m"] = false });

    public static CameraInventory NoCameras { get; } = new(null, [], "/usr/bin/v4l2-ctl", []);

    public static PanTiltReport NoI2c { get; } = new([], new PanTiltHatScan(1, "/dev/i2c-1", 0x15, false, false, null, null, "/dev/i2c-1 does not exist"));

    public static NetworkReport NetworkWithFreePorts { get; } = new([new InterfaceAddress("lo", "127.0.0.1")], ["http://127.0.0.1:8082/"], [new PortStatus(8082, "http", true, null), new PortStatus(8084, "websocket", true, null)]);
}
