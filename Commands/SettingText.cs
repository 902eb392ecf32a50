using System.CommandLine;
using System.Globalization;
using PiStream.Services.Configuration;

namespace PiStream.Commands;

/// <summary>A setting's value as <c>config show</c> prints it: as it was written, the default in the same form, secrets masked.</summary>
internal static class SettingText
{
    public const string Mask = "********";

    /// <summary>Options whose value is never printed.</summary>
    public static bool IsSecret(Option option) => option.Name == "--auth";

    public static string Of(Option option, ConfiguredServe configured)
    {
        var source = configured.SourceOf(option);
        if (IsSecret(option))
        {
            return source == SettingSource.Default ? "(none)" : Mask;
        }

        return source switch
        {
            SettingSource.CommandLine => configured.CommandLine.GetResult(option) is { Tokens.Count: > 0 } given
                ? string.Join(' ', given.Tokens.Select(token => token.Value))
                : "true",
            SettingSource.File or SettingSource.Environment => Normalized(option, configured.FromSettings[option].Value),
            _ => Default(option),
        };
    }

    private static string Normalized(Option option, string text) =>
        option.ValueType == typeof(bool) ? text.ToLowerInvariant() : text;

    private static string Default(Option option) => (option.HasDefaultValue ? option.GetDefaultValue() : null) switch
    {
        null => "(none)",
        bool value => value ? "true" : "false",
        int value when option.Name.EndsWith("-address", StringComparison.Ordinal) => $"0x{value:x2}",
        TimeSpan value => Duration(value),
        Enum value => value.ToString().ToLowerInvariant(),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString() ?? "(none)",
    };

    private static string Duration(TimeSpan value) =>
        value.TotalHours >= 1 && value.TotalHours == Math.Floor(value.TotalHours) ? $"{value.TotalHours:0}h"
        : value.TotalMinutes >= 1 && value.TotalMinutes == Math.Floor(value.TotalMinutes) ? $"{value.TotalMinutes:0}m"
        : $"{value.TotalSeconds:0}s";
}
