using System.CommandLine;
using PiStream.Services.Configuration;

namespace PiStream.Commands;

/// <summary>
/// <c>serve</c>'s options as they stand after the settings file and the environment were added beneath the command
/// line: <see cref="Result"/> is read exactly like a plain command line, and each setting knows where it came from.
/// </summary>
internal sealed record ConfiguredServe(
    ParseResult Result,
    ParseResult CommandLine,
    string? File,
    IReadOnlyDictionary<Option, SettingValue> FromSettings,
    IReadOnlyList<string> IgnoredVariables)
{
    /// <summary>Where the value of <paramref name="option"/> came from.</summary>
    public SettingSource SourceOf(Option option) =>
        CommandLine.GetResult(option) is { Implicit: false } ? SettingSource.CommandLine
        : FromSettings.TryGetValue(option, out var value) ? value.Source
        : SettingSource.Default;
}
