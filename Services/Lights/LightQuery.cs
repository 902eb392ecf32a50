namespace PiStream.Services.Lights;

/// <summary>
/// pistreaming's <c>/do_light?N=R,G,B,W</c>: one or more pairs, in order, where <c>N</c> is a pixel index
/// (0..count-1) or <c>-1</c> for all, and the value is four whole numbers 0..255 separated by commas. Numbers are
/// plain ASCII digits (a leading minus only for <c>-1</c>). Anything else is an error naming the fix, and nothing changes.
/// </summary>
internal static class LightQuery
{
    private const int MaxPairs = 64;

    /// <summary>Parses the raw query string (with or without its leading <c>?</c>).</summary>
    public static bool TryParse(string? query, int count, out IReadOnlyList<LightChange> changes, out string error)
    {
        changes = [];
        error = "";
        var text = (query ?? "").TrimStart('?');
        var pairs = text.Split('&', StringSplitOptions.RemoveEmptyEntries);
        if (pairs.Length == 0)
        {
            error = $"Give a pixel and its colour, e.g. /do_light?-1=255,0,0,0 (all {count} pixels red) or /do_light?0=0,0,0,255 (pixel 0 white).";
            return false;
        }

        if (pairs.Length > MaxPairs)
        {
            error = $"{pairs.Length} changes in one request: give at most {MaxPairs}.";
            return false;
        }

        var parsed = new List<LightChange>(pairs.Length);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? null : Decode(pair[(equals + 1)..]);
            if (!TryIndex(key, count, out var index, out error) || !TryColor(key, value, out var color, out error))
            {
                return false;
            }

            parsed.Add(new LightChange(index, color));
        }

        changes = parsed;
        return true;
    }

    /// <summary>Parses <c>R,G,B,W</c> (four whole numbers 0..255); <paramref name="what"/> names the value in the error.</summary>
    public static bool TryColor(string what, string? value, out LightColor color, out string error)
    {
        color = default;
        error = "";
        var parts = (value ?? "").Split(',');
        if (value is null || parts.Length != 4)
        {
            error = $"{what}={Printable(value ?? "")}: give four numbers R,G,B,W from 0 to 255, e.g. 255,128,0,0.";
            return false;
        }

        Span<byte> levels = stackalloc byte[4];
        for (var i = 0; i < 4; i++)
        {
            if (!IsDigits(parts[i]) || parts[i].Length > 3)
            {
                error = $"{what}={Printable(value)}: '{Printable(parts[i])}' is not a whole number: give four numbers R,G,B,W from 0 to 255.";
                return false;
            }

            var level = int.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture);
            if (level > 255)
            {
                error = $"{what}={Printable(value)}: {level} is out of range: each of R,G,B,W is 0 to 255.";
                return false;
            }

            levels[i] = (byte)level;
        }

        color = new LightColor(levels[0], levels[1], levels[2], levels[3]);
        return true;
    }

    private static bool TryIndex(string key, int count, out int index, out string error)
    {
        index = 0;
        error = "";
        if (key == "-1")
        {
            index = LightChange.All;
            return true;
        }

        if (!IsDigits(key) || key.Length > 3)
        {
            error = $"'{Printable(key)}' is not a pixel: use 0 to {count - 1}, or -1 for all, e.g. /do_light?-1=255,0,0,0.";
            return false;
        }

        index = int.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
        if (index >= count)
        {
            error = $"Pixel {index} does not exist: this strip has {count} pixels (0 to {count - 1}; -1 for all; serve --light-count sets the number).";
            return false;
        }

        return true;
    }

    private static bool IsDigits(string text) => text.Length > 0 && !text.AsSpan().ContainsAnyExceptInRange('0', '9');

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    private static string Printable(string text) =>
        text.Length > 24 ? text[..24] + "…" : string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));
}
