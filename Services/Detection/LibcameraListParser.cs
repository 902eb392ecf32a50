using System.Globalization;
using System.Text.RegularExpressions;

namespace PiStream.Services.Detection;

/// <summary>
/// Parses <c>rpicam-hello --list-cameras</c> (and <c>libcamera-hello</c>) output, current and older
/// formats alike. "No cameras available!" and anything unrecognised give an empty list.
/// </summary>
internal static partial class LibcameraListParser
{
    public static IReadOnlyList<LibcameraCamera> Parse(string output)
    {
        var cameras = new List<LibcameraCamera>();
        List<SensorMode>? modes = null;
        string? format = null;
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var camera = CameraLine().Match(line);
            if (camera.Success)
            {
                modes = [];
                format = null;
                cameras.Add(new LibcameraCamera(
                    Int(camera.Groups["index"].Value),
                    camera.Groups["sensor"].Value,
                    Int(camera.Groups["w"].Value),
                    Int(camera.Groups["h"].Value),
                    camera.Groups["path"].Success ? camera.Groups["path"].Value : null,
                    modes));
                continue;
            }

            if (modes is null)
            {
                continue;
            }

            if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                // Mode lines are indented; anything else (a libcamera log line on stderr) ends the camera.
                modes = null;
                continue;
            }

            var formatMatch = FormatPart().Match(line);
            if (formatMatch.Success)
            {
                format = formatMatch.Groups["format"].Value;
            }

            if (format is null)
            {
                continue;
            }

            foreach (Match mode in ModePart().Matches(line))
            {
                double? fps = mode.Groups["fps"].Success ? double.Parse(mode.Groups["fps"].Value, CultureInfo.InvariantCulture) : null;
                modes.Add(new SensorMode(format, Int(mode.Groups["w"].Value), Int(mode.Groups["h"].Value), fps));
            }
        }

        return cameras;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(?<index>\d+)\s*:\s*(?<sensor>\S+)\s*\[(?<w>\d+)x(?<h>\d+)[^\]]*\](?:\s*\((?<path>[^)]*)\))?")]
    private static partial Regex CameraLine();

    [GeneratedRegex(@"'(?<format>[A-Za-z0-9_]+)'\s*:")]
    private static partial Regex FormatPart();

    [GeneratedRegex(@"(?<w>\d+)x(?<h>\d+)\s*(?:\[(?<fps>[\d.]+)\s*fps[^\]]*\])?")]
    private static partial Regex ModePart();
}
