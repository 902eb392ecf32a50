using System.Globalization;
using System.Text.RegularExpressions;

namespace PiStream.Services.Detection;

/// <summary>
/// Parses <c>v4l2-ctl -d NODE --list-ctrls-menus</c> (v4l-utils 1.22 and later print the same layout):
/// <code>
///                      brightness 0x00980900 (int)    : min=0 max=255 step=1 default=128 value=128
///            power_line_frequency 0x00980918 (menu)   : min=0 max=2 default=2 value=2 (60 Hz)
///                                 0: Disabled
/// </code>
/// Class headings ("User Controls") and lines it does not know are skipped; menu items (lines of tabs,
/// <c>N: name</c>) belong to the control above them.
/// </summary>
internal static partial class V4l2ControlListParser
{
    public static IReadOnlyList<V4l2ControlInfo> Parse(string output)
    {
        var controls = new List<V4l2ControlInfo>();
        foreach (var line in output.Split('\n'))
        {
            if (MenuItemLine().Match(line) is { Success: true } item && controls.Count > 0)
            {
                var last = controls[^1];
                controls[^1] = last with { Menu = [.. last.Menu, new V4l2MenuItem(long.Parse(item.Groups[1].ValueSpan, CultureInfo.InvariantCulture), item.Groups[2].Value.TrimEnd())] };
            }
            else if (ControlLine().Match(line) is { Success: true } control)
            {
                controls.Add(ParseControl(control.Groups["name"].Value, control.Groups["type"].Value, control.Groups["rest"].Value.TrimEnd()));
            }
        }

        return controls;
    }

    private static V4l2ControlInfo ParseControl(string name, string type, string rest)
    {
        IReadOnlyList<string> flags = [];
        var flagsAt = rest.IndexOf(" flags=", StringComparison.Ordinal);
        if (flagsAt >= 0)
        {
            flags = rest[(flagsAt + 7)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            rest = rest[..flagsAt];
        }

        long? value = null;
        string? valueText = null;
        var valueAt = rest.IndexOf(" value=", StringComparison.Ordinal);
        if (valueAt >= 0)
        {
            var text = rest[(valueAt + 7)..];
            rest = rest[..valueAt];
            if (text.StartsWith('\''))
            {
                valueText = text.Trim('\'');
            }
            else if (ValueWithName().Match(text) is { Success: true } match)
            {
                value = Number(match.Groups[1].Value);
                valueText = match.Groups[2].Success ? match.Groups[2].Value : null;
            }
        }

        var fields = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => Number(pair[1]), StringComparer.Ordinal);
        return new V4l2ControlInfo(name, type, Get(fields, "min"), Get(fields, "max"), Get(fields, "step"), Get(fields, "default"), value, valueText) { Flags = flags };
    }

    private static long? Get(Dictionary<string, long?> fields, string key) => fields.TryGetValue(key, out var value) ? value : null;

    /// <summary>Decimal, or hexadecimal with 0x (bitmask controls).</summary>
    private static long? Number(string text) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : null
            : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z0-9_]+) 0x[0-9a-fA-F]{8} \((?<type>[a-z0-9-]+)\)\s*:(?<rest>.*)$")]
    private static partial Regex ControlLine();

    [GeneratedRegex(@"^\t+(-?\d+): (.*)$")]
    private static partial Regex MenuItemLine();

    [GeneratedRegex(@"^(-?\d+|0x[0-9a-fA-F]+)(?: \((.*)\))?$")]
    private static partial Regex ValueWithName();
}
