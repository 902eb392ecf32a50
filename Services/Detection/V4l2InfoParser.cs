namespace PiStream.Services.Detection;

/// <summary>
/// Parses the "Driver Info:" section of <c>v4l2-ctl -d NODE --info</c> (or <c>--all</c>): driver, card,
/// bus and the node's Device Caps (the device-wide Capabilities when an old driver prints no Device Caps).
/// </summary>
internal static class V4l2InfoParser
{
    /// <summary>The node's info; null when the output has no "Driver Info" section (the node could not be opened).</summary>
    public static V4l2NodeInfo? Parse(string output)
    {
        string? section = null;
        string? key = null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var capabilities = new List<string>();
        var deviceCaps = new List<string>();
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r', ' ');
            if (line.Length == 0)
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                section = line.TrimEnd(':');
                key = null;
                continue;
            }

            if (section != "Driver Info")
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                key = line[..colon].Trim();
                fields[key] = line[(colon + 1)..].Trim();
            }
            else if (key == "Capabilities")
            {
                capabilities.Add(line.Trim());
            }
            else if (key == "Device Caps")
            {
                deviceCaps.Add(line.Trim());
            }
        }

        if (!fields.TryGetValue("Driver name", out var driver))
        {
            return null;
        }

        return new V4l2NodeInfo(
            driver,
            fields.GetValueOrDefault("Card type", ""),
            fields.GetValueOrDefault("Bus info", ""),
            fields.ContainsKey("Device Caps") ? deviceCaps : capabilities);
    }
}
