using System.Globalization;

namespace PiStream.Services.Recording;

/// <summary>
/// Reads durations the way people write them on a command line: <c>30s</c>, <c>5m</c>, <c>1.5h</c>,
/// <c>7d</c>, <c>1h30m</c>, <c>500ms</c>; a bare number is seconds.
/// </summary>
internal static class DurationParser
{
    public const string Examples = "30s, 5m, 1h30m or 7d";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.Trim().ToLowerInvariant().AsSpan();
        if (double.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var bareSeconds))
        {
            return TryCreate(bareSeconds, out duration);
        }

        double total = 0;
        while (span.Length > 0)
        {
            var numberLength = 0;
            while (numberLength < span.Length && (char.IsAsciiDigit(span[numberLength]) || span[numberLength] == '.'))
            {
                numberLength++;
            }

            var unitLength = 0;
            while (numberLength + unitLength < span.Length && char.IsAsciiLetter(span[numberLength + unitLength]))
            {
                unitLength++;
            }

            if (numberLength == 0 || unitLength == 0
                || !double.TryParse(span[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                || Seconds(span.Slice(numberLength, unitLength)) is not { } unit)
            {
                return false;
            }

            total += number * unit;
            span = span[(numberLength + unitLength)..];
        }

        return TryCreate(total, out duration);
    }

    private static double? Seconds(ReadOnlySpan<char> unit) => unit switch
    {
        "ms" => 0.001,
        "s" or "sec" => 1,
        "m" or "min" => 60,
        "h" => 3600,
        "d" => 86400,
        "w" => 7 * 86400,
        _ => null,
    };

    private static bool TryCreate(double seconds, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (seconds <= 0 || double.IsNaN(seconds) || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
