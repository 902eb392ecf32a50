using System.Text.RegularExpressions;

namespace PiStream.Services.Encoding;

/// <summary>Parses what <c>ffmpeg -hide_banner -encoders</c> and <c>-version</c> print.</summary>
internal static partial class FfmpegOutputParser
{
    /// <summary>The encoder names listed after the "------" legend of <c>-encoders</c>.</summary>
    public static IReadOnlySet<string> ParseEncoders(string output)
    {
        var encoders = new HashSet<string>(StringComparer.Ordinal);
        var pastLegend = false;
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (!pastLegend)
            {
                pastLegend = line.Trim().StartsWith("------", StringComparison.Ordinal);
                continue;
            }

            var match = EncoderLine().Match(line);
            if (match.Success)
            {
                encoders.Add(match.Groups["name"].Value);
            }
        }

        return encoders;
    }

    /// <summary>The version from the first line of <c>ffmpeg -version</c> ("ffmpeg version 5.1.9-0+deb12u1 Copyright ..."), or that whole line.</summary>
    public static string ParseVersion(string output)
    {
        var first = output.TrimStart().Split('\n')[0].Trim();
        var match = VersionLine().Match(first);
        return match.Success ? match.Groups["version"].Value : first;
    }

    [GeneratedRegex(@"^\s*[VAS][.A-Z]{5}\s+(?<name>\S+)")]
    private static partial Regex EncoderLine();

    [GeneratedRegex(@"^ffmpeg version\s+(?<version>\S+)")]
    private static partial Regex VersionLine();
}
