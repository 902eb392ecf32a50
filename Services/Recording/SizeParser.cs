using System.Globalization;

namespace PiStream.Services.Recording;

/// <summary>
/// Reads sizes: <c>10GB</c>, <c>500MB</c>, <c>1.5G</c>, <c>64k</c> (powers of 1000, as disks are sold),
/// <c>10GiB</c>, <c>512MiB</c> (powers of 1024); a bare number is bytes. Also formats them back.
/// </summary>
internal static class SizeParser
{
    public const string Examples = "500MB, 10GB or 2GiB";

    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var split = trimmed.Length;
        while (split > 0 && char.IsAsciiLetter(trimmed[split - 1]))
        {
            split--;
        }

        if (!double.TryParse(trimmed[..split].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || Multiplier(trimmed[split..].ToLowerInvariant()) is not { } multiplier)
        {
            return false;
        }

        var value = number * multiplier;
        if (value < 1 || value > long.MaxValue / 2)
        {
            return false;
        }

        bytes = (long)value;
        return true;
    }

    /// <summary>A size for people: <c>812 B</c>, <c>12.3 kB</c>, <c>4.5 MB</c>, <c>1.20 GB</c>.</summary>
    public static string Format(long bytes) => bytes switch
    {
        < 1000 => $"{bytes} B",
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.0} kB"),
        < 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.00} GB"),
    };

    private static double? Multiplier(string unit) => unit switch
    {
        "" or "b" => 1,
        "k" or "kb" => 1e3,
        "m" or "mb" => 1e6,
        "g" or "gb" => 1e9,
        "t" or "tb" => 1e12,
        "kib" => 1024d,
        "mib" => 1024d * 1024,
        "gib" => 1024d * 1024 * 1024,
        "tib" => 1024d * 1024 * 1024 * 1024,
        _ => null,
    };
}
