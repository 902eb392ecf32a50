using PiStream.Services.Processes;

namespace PiStream.Services.Detection;

/// <summary>
/// Finds cameras: libcamera ones through <c>rpicam-hello --list-cameras</c> (or <c>libcamera-hello</c>),
/// V4L2 ones through <c>v4l2-ctl --list-devices</c> and, per node, <c>--info</c>, <c>--list-formats-ext</c> and <c>--list-ctrls-menus</c>,
/// falling back to /sys/class/video4linux. <c>serve --source auto</c> and <c>probe</c> both ask this one
/// service. Every tool runs with a timeout; <paramref name="searchPath"/> replaces PATH (tests).
/// </summary>
internal sealed class CameraDetector(TimeSpan toolTimeout, string sysfsVideoRoot = "/sys/class/video4linux", string? searchPath = null)
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
        var tool = ExecutableFinder.FindFirstOn(searchPath, "rpicam-hello", "libcamera-hello");
        if (tool is null)
        {
            return (null, []);
        }

        var result = await ToolRunner.RunAsync(tool, ["--list-cameras"], toolTimeout, cancellationToken);
        return (tool, result is null ? [] : LibcameraListParser.Parse(result.StandardOutput + "\n" + result.StandardError));
    }

    private async Task<(string? Tool, IReadOnlyList<V4l2Device> Devices)> DetectV4l2Async(CancellationToken cancellationToken)
    {
        var tool = ExecutableFinder.Find("v4l2-ctl", searchPath);
        if (tool is not null)
        {
            var result = await ToolRunner.RunAsync(tool, ["--list-devices"], toolTimeout, cancellationToken);
            if (result is not null)
            {
                var devices = V4l2DeviceListParser.Parse(result.StandardOutput);
                return (tool, await Task.WhenAll(devices.Select(device => InspectAsync(tool, device, cancellationToken))));
            }
        }

        return (null, ReadSysfs());
    }

    /// <summary>Asks v4l2-ctl about every node of a device that may be a camera; codecs, ISPs and raw sensors are not opened.</summary>
    private async Task<V4l2Device> InspectAsync(string tool, V4l2Device device, CancellationToken cancellationToken)
    {
        if (device.SkipReason is not null)
        {
            return device;
        }

        var nodes = await Task.WhenAll(device.VideoNodes.Select(node => InspectNodeAsync(tool, node, cancellationToken)));
        return device with { Nodes = nodes };
    }

    private async Task<V4l2Node> InspectNodeAsync(string tool, string node, CancellationToken cancellationToken)
    {
        var infoRun = ToolRunner.RunAsync(tool, ["-d", node, "--info"], toolTimeout, cancellationToken);
        var formatsRun = ToolRunner.RunAsync(tool, ["-d", node, "--list-formats-ext"], toolTimeout, cancellationToken);
        var controlsRun = ToolRunner.RunAsync(tool, ["-d", node, "--list-ctrls-menus"], toolTimeout, cancellationToken);
        var infoResult = await infoRun;
        var formatsResult = await formatsRun;
        var controlsResult = await controlsRun;
        var info = infoResult is null ? null : V4l2InfoParser.Parse(infoResult.StandardOutput);
        if (info is null)
        {
            return new V4l2Node(node, null, null, [], [], NotOpened(infoResult));
        }

        var formats = formatsResult is { Succeeded: true } ? V4l2FormatListParser.Parse(formatsResult.StandardOutput) : [];
        var skip = V4l2DeviceListParser.ClassifyNode(info);
        var controls = skip is null && controlsResult is { Succeeded: true } ? V4l2ControlListParser.Parse(controlsResult.StandardOutput) : [];
        return new V4l2Node(node, info.Driver, info.Card, info.DeviceCaps, formats, skip) { Controls = controls };
    }

    private static string NotOpened(ToolResult? result)
    {
        if (result is null || result.TimedOut)
        {
            return "v4l2-ctl did not answer in time";
        }

        var message = (result.StandardError + result.StandardOutput).Trim().Split('\n')[0].Trim();
        return $"could not be opened ({message}); if it is permission denied: sudo usermod -aG video $USER, then log in again";
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
