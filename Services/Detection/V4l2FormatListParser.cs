using System.Globalization;
using System.Text.RegularExpressions;

namespace PiStream.Services.Detection;

/// <summary>Parses <c>v4l2-ctl -d NODE --list-formats-ext</c>: pixel formats, their discrete or stepwise sizes, and frame rates.</summary>
internal static partial class V4l2FormatListParser
{
    public static IReadOnlyList<V4l2PixelFormat> Parse(string output)
    {
        var formats = new List<V4l2PixelFormat>();
        List<V4l2FrameSize>? sizes = null;
        List<double>? rates = null;
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r', ' ');
            var format = FormatLine().Match(line);
            if (format.Success)
            {
                sizes = [];
                rates = null;
                formats.Add(new V4l2PixelFormat(format.Groups["fourcc"].Value.Trim(), format.Groups["description"].Value, sizes));
                continue;
            }

            if (sizes is null)
            {
                continue;
            }

            var discrete = DiscreteSize().Match(line);
            var range = RangeSize().Match(line);
            if (discrete.Success)
            {
                rates = [];
                sizes.Add(new V4l2FrameSize(Int(discrete.Groups["w"]), Int(discrete.Groups["h"]), rates));
            }
            else if (range.Success)
            {
                rates = [];
                sizes.Add(new V4l2FrameSize(Int(range.Groups["w"]), Int(range.Groups["h"]), rates, Int(range.Groups["minw"]), Int(range.Groups["minh"])));
            }
            else if (rates is not null && Interval().Match(line) is { Success: true } interval)
            {
                var fps = interval.Groups["max"].Success ? interval.Groups["max"] : interval.Groups["fps"];
                rates.Add(double.Parse(fps.Value, CultureInfo.InvariantCulture));
            }
        }

        return formats;
    }

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*\[\d+\]:\s*'(?<fourcc>[^']*)'\s*\((?<description>.*)\)\s*$")]
    private static partial Regex FormatLine();

    [GeneratedRegex(@"^\s*Size:\s*Discrete\s+(?<w>\d+)x(?<h>\d+)")]
    private static partial Regex DiscreteSize();

    [GeneratedRegex(@"^\s*Size:\s*(?:Stepwise|Continuous)\s+(?<minw>\d+)x(?<minh>\d+)\s*-\s*(?<w>\d+)x(?<h>\d+)")]
    private static partial Regex RangeSize();

    [GeneratedRegex(@"^\s*Interval:.*\((?<fps>[\d.]+)(?:\s*-\s*(?<max>[\d.]+))?\s*fps\)")]
    private static partial Regex Interval();
}
