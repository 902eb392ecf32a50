using System.Globalization;

namespace PiStream.Services.Encoding;

/// <summary>Reads bitrates the way ffmpeg writes them: 800000, 800k, 1.5M.</summary>
internal static class BitrateParser
{
    public static bool TryParse(string text, out int bitsPerSecond)
    {
        bitsPerSecond = 0;
        text = text.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        var multiplier = char.ToLowerInvariant(text[^1]) switch
        {
            'k' => 1_000d,
            'm' => 1_000_000d,
            _ => 1d,
        };
        var number = multiplier == 1 ? text : text[..^1];
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return false;
        }

        var bits = value * multiplier;
        if (bits > int.MaxValue)
        {
            return false;
        }

        bitsPerSecond = (int)bits;
        return true;
    }
}
