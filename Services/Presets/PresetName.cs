namespace PiStream.Services.Presets;

/// <summary>Preset names: 1 to 32 ASCII letters, digits, <c>-</c> and <c>_</c> (safe in a URL, a file and a button).</summary>
internal static class PresetName
{
    public const int MaxLength = 32;

    /// <summary>Null when <paramref name="name"/> is usable, else a message naming the fix.</summary>
    public static string? Check(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || !name.All(IsAllowed))
        {
            var shown = name is null ? "" : name.Length > 40 ? name[..40] + "…" : string.Concat(name.Select(c => char.IsControl(c) ? '?' : c));
            return $"Preset name '{shown}' is not usable: use 1 to {MaxLength} letters, digits, '-' or '_', e.g. front-door.";
        }

        return null;
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
