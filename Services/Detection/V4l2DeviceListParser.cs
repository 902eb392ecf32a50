namespace PiStream.Services.Detection;

/// <summary>Parses <c>v4l2-ctl --list-devices</c> and sorts out the nodes that are not cameras (the node kinds are listed in docs/probe.md).</summary>
internal static class V4l2DeviceListParser
{
    private static readonly (string Driver, string Reason)[] NotCameras =
    [
        ("unicam", "raw Bayer interface of a libcamera camera: use --source libcamera"),
        ("rp1-cfe", "raw Bayer interface of a libcamera camera: use --source libcamera"),
        ("bcm2835-codec", "hardware video codec, not a camera"),
        ("bcm2835-isp", "image signal processor, not a camera"),
        ("rpivid", "hardware video decoder, not a camera"),
        ("rpi-hevc-dec", "hardware video decoder, not a camera"),
        ("pispbe", "image signal processor back end, not a camera"),
    ];

    public static IReadOnlyList<V4l2Device> Parse(string output)
    {
        var devices = new List<V4l2Device>();
        string? name = null;
        string bus = "";
        var nodes = new List<string>();
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                Flush();
                (name, bus) = SplitHeader(line.TrimEnd().TrimEnd(':'));
                nodes = [];
            }
            else if (line.Trim().StartsWith("/dev/video", StringComparison.Ordinal))
            {
                nodes.Add(line.Trim());
            }
        }

        Flush();
        return devices;

        void Flush()
        {
            if (name is not null)
            {
                devices.Add(new V4l2Device(name, bus, nodes, Classify(name, bus)));
            }
        }
    }

    /// <summary>Why a device is not a usable camera, from its name and bus; null when it is one.</summary>
    public static string? Classify(string name, string bus)
    {
        foreach (var (driver, reason) in NotCameras)
        {
            if (name.Contains(driver, StringComparison.OrdinalIgnoreCase) || bus.Contains(driver, StringComparison.OrdinalIgnoreCase))
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>Why one node is not a usable camera, from its driver and Device Caps; null when it captures video.</summary>
    public static string? ClassifyNode(V4l2NodeInfo info)
    {
        if (Classify(info.Driver, info.BusInfo) is { } reason)
        {
            return reason;
        }

        if (info.CanCapture)
        {
            return null;
        }

        return info.DeviceCaps.Contains("Metadata Capture")
            ? "metadata-only node (no Video Capture in its Device Caps): the picture comes from its sibling node"
            : $"no Video Capture in its Device Caps ({string.Join(", ", info.DeviceCaps)})";
    }

    private static (string Name, string Bus) SplitHeader(string header)
    {
        var open = header.LastIndexOf(" (", StringComparison.Ordinal);
        return open > 0 && header.EndsWith(')')
            ? (header[..open], header[(open + 2)..^1])
            : (header, "");
    }
}
