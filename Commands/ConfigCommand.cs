using System.CommandLine;
using PiStream.Services.Configuration;

namespace PiStream.Commands;

/// <summary><c>pistream config show</c>: the settings <c>serve</c> would use, and where each one comes from.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var show = new Command("show", "Print the settings serve would use and where each comes from (flag, env, file, default), secrets masked. Takes serve's options as well.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        show.Options.Add(ServeConfiguration.Config);
        show.SetAction(result => Show(result, SettingsEnvironment.Current(), SettingsFile.DefaultPath, Console.Out, Console.Error));
        return new Command("config", "Settings for serve from a JSON file and PISTREAM_<KEY> variables (docs/config.md).") { show };
    }

    /// <summary>Prints the table; exit 2 (with the errors) when the file, a variable or an option is unusable.</summary>
    public static int Show(ParseResult result, IReadOnlyDictionary<string, string> environment, string defaultFile, TextWriter output, TextWriter error)
    {
        string[] forwarded = ["serve", .. result.UnmatchedTokens, .. result.GetValue(ServeConfiguration.Config) is { } file ? new[] { "--config", file } : []];
        var commandLine = result.RootCommandResult.Command.Parse(forwarded);
        if (commandLine.Errors.Count > 0)
        {
            foreach (var parseError in commandLine.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine("config show takes serve's options: run 'pistream serve --help' for them.");
            return ExitCodes.BadInput;
        }

        if (ServeConfiguration.Resolve(commandLine, environment, defaultFile, error) is not { } configured)
        {
            return ExitCodes.BadInput;
        }

        output.WriteLine(configured.File is null
            ? $"Settings file: none ({defaultFile} does not exist; --config FILE names one)"
            : $"Settings file: {Path.GetFullPath(configured.File)}");
        var rows = ServeConfiguration.Settings(commandLine.CommandResult.Command)
            .Select(option => (Key: SettingNames.KeyOf(option.Name), Value: SettingText.Of(option, configured), Source: SourceText(option, configured)))
            .ToList();
        var keyWidth = rows.Max(row => row.Key.Length) + 2;
        var valueWidth = Math.Min(rows.Max(row => row.Value.Length), 40) + 2;
        output.WriteLine($"{"KEY".PadRight(keyWidth)}{"VALUE".PadRight(valueWidth)}FROM");
        foreach (var (key, value, source) in rows)
        {
            output.WriteLine($"{key.PadRight(keyWidth)}{value.PadRight(valueWidth)}{source}");
        }

        return ExitCodes.Ok;
    }

    private static string SourceText(Option option, ConfiguredServe configured) => configured.SourceOf(option) switch
    {
        SettingSource.CommandLine => $"flag {option.Name}",
        SettingSource.Environment => $"env {configured.FromSettings[option].Origin}",
        SettingSource.File => "file",
        _ => "default",
    };
}
