using PiStream.Services.Processes;

namespace PiStream.Services.Detection;

/// <summary>
/// Finds cameras: libcamera ones through <c>rpicam-hello --list-cameras</c> (or <c>libcamera-hello</c>),
/// V4L2 ones through <c>v4l2-ctl --list-devices</c>, falling back to /sys/class/video4linux.
/// <c>serve --source auto</c> and <c>probe</c> both ask this one service. Every tool runs with a timeout.
/// </summary>
internal sealed class CameraDetector(TimeSpan toolTimeout, string sysfsVideoRoot = "/sys/class/video4linux")
{
    public static CameraDetector Default { get; } = new(TimeSpan.FromSeconds(5));

    public async Task<CameraInventory> DetectAsync(CancellationToken cancellationToken)
    {
        var libcamera = DetectLibcameraAsync(cancellationToken);
        var v4l2 = DetectV4l2Async(cancellationToken);
        var (libcameraTool, cameras) = await libcamera;
        var (v4l2Tool, devices) = await v4l2;
        return new CameraInventory(libcameraTool, cameras, v4l2Tool, devices);
    }

    private async Task<(string? Tool, IReadOnlyList<LibcameraCamera> Cameras)> DetectLibcameraAsync(CancellationToken cancellationToken)
    {
        var tool = ExecutableFinder.FindFirst("rpicam-hello", "libcamera-hello");
        if (tool is null)
        {
            return (null, []);
        }

        var result = await ToolRunner.RunAsync(tool, ["--list-cameras"], toolTimeout, cancellationToken);
        return (tool, result is null ? [] : LibcameraListParser.Parse(result.StandardOutput + "\n" + result.StandardError));
    }

    private async Task<(string? Tool, IReadOnlyList<V4l2Device> Devices)> DetectV4l2Async(CancellationToken cancellationToken)
    {
        var tool = ExecutableFinder.Find("v4l2-ctl");
        if (tool is not null)
        {
            var result = await ToolRunner.RunAsync(tool, ["--list-devices"], toolTimeout, cancellationToken);
            if (result is not null)
            {
                return (tool, V4l2DeviceListParser.Parse(result.StandardOutput));
            }
        }

        return (null, ReadSysfs());
    }

    /// <summary>Without v4l2-ctl: one device per /dev/videoN, named by its sysfs name file.</summary>
    private List<V4l2Device> ReadSysfs()
    {
        var devices = new List<V4l2Device>();
        if (!Directory.Exists(sysfsVideoRoot))
        {
            return devices;
        }

        foreach (var directory in Directory.GetDirectories(sysfsVideoRoot, "video*").Order(StringComparer.Ordinal))
        {
            var nameFile = Path.Combine(directory, "name");
            var name = File.Exists(nameFile) ? File.ReadAllText(nameFile).Trim() : Path.GetFileName(directory);
            var node = "/dev/" + Path.GetFileName(directory);
            devices.Add(new V4l2Device(name, "", [node], V4l2DeviceListParser.Classify(name, "")));
        }

        return devices;
    }
}
