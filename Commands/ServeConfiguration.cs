using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using PiStream.Services.Configuration;

namespace PiStream.Commands;

/// <summary>
/// Adds the settings file and <c>PISTREAM_&lt;KEY&gt;</c> variables to <c>serve</c>'s command line: each setting becomes
/// the option it names (<c>"wsPort": 8092</c> is <c>--ws-port=8092</c>) unless the command line gives that option
/// itself, and the environment beats the file. The one parser of the options then checks every value, so a file
/// is held to exactly the rules of the command line; its errors name the file (or the variable) and the key.
/// </summary>
internal static class ServeConfiguration
{
    public static readonly Option<string?> Config = new("--config")
    {
        HelpName = "FILE",
        Description = $"Read settings from this JSON file (default {SettingsFile.DefaultPath} when it exists); PISTREAM_<KEY> variables beat it, options given here beat both (docs/config.md).",
    };

    /// <summary>The options of <paramref name="serve"/> a file may set: every visible one but <c>--config</c>.</summary>
    public static IEnumerable<Option> Settings(Command serve) =>
        serve.Options.Where(option => !option.Hidden && option != Config && option is not HelpOption && option is not VersionOption);

    /// <summary>
    /// The effective options of the <c>serve</c> invocation <paramref name="commandLine"/> (parsed without errors);
    /// null after writing the errors when the file or a variable is unusable (the caller exits 2, nothing started).
    /// </summary>
    public static ConfiguredServe? Resolve(ParseResult commandLine, IReadOnlyDictionary<string, string> environment, string defaultFile, TextWriter error)
    {
        var serve = commandLine.CommandResult.Command;
        var keys = Settings(serve).ToDictionary(option => SettingNames.KeyOf(option.Name), StringComparer.OrdinalIgnoreCase);
        var file = commandLine.GetValue(Config)
            ?? (environment.GetValueOrDefault(SettingsEnvironment.ConfigVariable) is { Length: > 0 } fromVariable ? fromVariable : null)
            ?? (File.Exists(defaultFile) ? defaultFile : null);
        var errors = new List<string>();
        var fromSettings = new Dictionary<Option, SettingValue>();
        var ignored = new List<string>();
        try
        {
            foreach (var value in file is null ? [] : SettingsFile.Read(file))
            {
                if (keys.TryGetValue(value.Key, out var option))
                {
                    fromSettings[option] = value;
                }
                else
                {
                    errors.Add($"{file}: unknown key \"{value.Key}\"{Suggestion(value.Key, keys.Keys)}. The keys are serve's long options in camelCase: {string.Join(", ", keys.Keys)} (docs/config.md).");
                }
            }
        }
        catch (SettingsFileException e)
        {
            errors.Add(e.Message);
        }

        foreach (var value in SettingsEnvironment.Read(environment))
        {
            if (keys.TryGetValue(value.Key, out var option))
            {
                fromSettings[option] = value;
            }
            else
            {
                ignored.Add(value.Origin);
            }
        }

        foreach (var (option, value) in fromSettings.Where(pair => commandLine.GetResult(pair.Key) is { Implicit: false }).ToList())
        {
            fromSettings.Remove(option);
        }

        foreach (var (option, value) in fromSettings.Where(pair => pair.Key.ValueType == typeof(bool) && !bool.TryParse(pair.Value.Value, out _)).ToList())
        {
            errors.Add($"{Where(value)}: '{value.Value}' is not true or false ({option.Name} is a switch).");
            fromSettings.Remove(option);
        }

        string[] tokens = [.. commandLine.Tokens.Select(token => token.Value), .. fromSettings.Select(pair => $"{pair.Key.Name}={pair.Value.Value}")];
        var result = commandLine.RootCommandResult.Command.Parse(tokens);
        foreach (var parseError in result.Errors)
        {
            errors.Add(OptionOf(parseError) is { } option && fromSettings.TryGetValue(option, out var value)
                ? $"{Where(value)}: {parseError.Message}"
                : parseError.Message);
        }

        if (errors.Count == 0)
        {
            foreach (var variable in ignored)
            {
                error.WriteLine($"warning: {variable} is not a setting of pistream and is ignored (docs/config.md lists the settings).");
            }

            return new ConfiguredServe(result, commandLine, file, fromSettings, ignored);
        }

        foreach (var message in errors)
        {
            error.WriteLine($"error: {message}");
        }

        error.WriteLine($"Nothing was started. Fix {(file is null ? "the PISTREAM_* variable" : file)}: each key stands for the option it names (\"wsPort\" and PISTREAM_WS_PORT are --ws-port; docs/config.md).");
        return null;
    }

    private static string Where(SettingValue value) => value.Source == SettingSource.File
        ? $"{value.Origin}: \"{value.Key}\""
        : $"environment variable {value.Origin}";

    private static Option? OptionOf(ParseError error) => error.SymbolResult switch
    {
        OptionResult option => option.Option,
        ArgumentResult { Parent: OptionResult option } => option.Option,
        _ => null,
    };

    /// <summary>"ws-port" or "ws_port" was meant as "wsPort".</summary>
    private static string Suggestion(string key, IEnumerable<string> keys)
    {
        var plain = key.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        var match = keys.FirstOrDefault(candidate => string.Equals(candidate, plain, StringComparison.OrdinalIgnoreCase));
        return match is null ? "" : $" (write it \"{match}\")";
    }
}
