using System.Collections;

namespace PiStream.Services.Configuration;

/// <summary>The settings given as <c>PISTREAM_&lt;KEY&gt;</c> environment variables (e.g. <c>PISTREAM_PORT=8090</c>, <c>PISTREAM_WS_PORT=8092</c>).</summary>
internal static class SettingsEnvironment
{
    /// <summary>Names with the prefix that are not settings: they mean something else to pistream.</summary>
    public static readonly IReadOnlySet<string> NotSettings = new HashSet<string>(StringComparer.Ordinal) { "PISTREAM_DEBUG", ConfigVariable };

    /// <summary>The settings file to use, where <c>--config</c> is not given.</summary>
    public const string ConfigVariable = "PISTREAM_CONFIG";

    /// <summary>This process's environment as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> Current()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = (string?)entry.Value ?? "";
        }

        return variables;
    }

    /// <summary>Every non-empty <c>PISTREAM_*</c> variable that may be a setting (whether its key exists is the caller's to check), in name order; an empty one means "not set".</summary>
    public static IReadOnlyList<SettingValue> Read(IReadOnlyDictionary<string, string> environment) =>
        environment
            .Where(variable => !NotSettings.Contains(variable.Key) && variable.Value.Length > 0)
            .Select(variable => (variable, key: SettingNames.KeyOfEnvironmentName(variable.Key)))
            .Where(pair => pair.key is not null)
            .OrderBy(pair => pair.variable.Key, StringComparer.Ordinal)
            .Select(pair => new SettingValue(pair.key!, pair.variable.Value, SettingSource.Environment, pair.variable.Key))
            .ToList();
}
