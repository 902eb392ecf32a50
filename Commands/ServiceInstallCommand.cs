using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using PiStream.Services.Configuration;
using PiStream.Services.Systemd;

namespace PiStream.Commands;

/// <summary><c>pistream service install [serve options]</c>: serve at boot, as a systemd service with its own user.</summary>
internal static class ServiceInstallCommand
{
    public static readonly Option<string?> Root = new("--root")
    {
        HelpName = "DIR",
        Description = "Only write the two files under DIR (DIR/etc/systemd/system/pistream.service, DIR/etc/pistream/pistream.json): no user, no systemctl, no root needed (for packagers).",
    };

    public static readonly Option<bool> DryRun = new("--dry-run") { Description = "Print what would be written and run, and change nothing." };

    /// <summary>Options that name files: made absolute, because the service does not run where install was typed.</summary>
    private static readonly HashSet<string> PathOptions = new(StringComparer.Ordinal) { "--record", "--auth-file", "--tls-cert", "--tls-key", "--state-dir" };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var install = new Command("install", $"Run serve at boot: write {ServiceUnitSettings.UnitPath} and {ServiceUnitSettings.ConfigPath} from the serve options given, create the user pistream (groups video, i2c), enable and start the service. Needs root (sudo).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        install.Options.Add(Root);
        install.Options.Add(DryRun);
        install.SetAction((result, cancellationToken) => InstallAsync(result, Environment.IsPrivilegedProcess, Console.Out, Console.Error, cancellationToken));
        return install;
    }

    public static async Task<int> InstallAsync(ParseResult result, bool privileged, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = result.GetValue(Root);
        var dryRun = result.GetValue(DryRun);
        var serveLine = result.RootCommandResult.Command.Parse(["serve", .. result.UnmatchedTokens]);
        if (serveLine.Errors.Count > 0 || serveLine.GetResult(ServeConfiguration.Config) is { Implicit: false })
        {
            foreach (var parseError in serveLine.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            if (serveLine.Errors.Count == 0)
            {
                await error.WriteLineAsync($"error: service install writes {ServiceUnitSettings.ConfigPath} itself from serve's options: give them (e.g. --port 8082 --width 1280), not --config.");
            }

            await error.WriteLineAsync("Nothing was changed. service install takes serve's options: run 'pistream serve --help' for them.");
            return ExitCodes.BadInput;
        }

        if (root is null && !dryRun && !privileged)
        {
            await error.WriteLineAsync($"error: service install creates a user, writes to /etc and runs systemctl: run it with sudo (sudo {string.Join(' ', ServiceProgram.Command())} service install ...), or give --root DIR to only write the files. Nothing was changed.");
            return ExitCodes.Failed;
        }

        var serve = serveLine.CommandResult.Command;
        var (settings, shown) = SettingsJson(serveLine, serve);
        var program = ServiceProgram.Command();
        var recordFolder = serveLine.GetValue<string?>("--record") is { } record ? Path.GetFullPath(record) : null;
        var unit = new ServiceUnitSettings(
            [.. program, "serve", "--config", ServiceUnitSettings.ConfigPath],
            ServiceProgram.DotnetRoot(),
            recordFolder is null ? [] : [recordFolder],
            BindsLowPort(serveLine),
            ServiceProgram.IsUnderHome(program[0]));
        var plan = ServiceInstallPlan.Install(
            ServiceUnit.Write(unit),
            settings,
            shown,
            recordFolder is null ? [] : [recordFolder],
            root,
            SystemAccounts.UserExists(ServiceUnitSettings.User),
            SystemAccounts.Groups());
        ServiceProgram.WarnIfUnreadable(program[0], error);
        if (dryRun)
        {
            ServiceInstaller.Print(plan, output);
            return ExitCodes.Ok;
        }

        if (await ServiceInstaller.RunAsync(plan, output, cancellationToken) is { } failure)
        {
            await error.WriteLineAsync($"error: {failure}");
            return ExitCodes.Failed;
        }

        await output.WriteLineAsync(root is null
            ? $"pistream runs now and at every boot. See it with 'pistream service status'; change {ServiceUnitSettings.ConfigPath}, then: sudo systemctl restart pistream"
            : $"Wrote the unit and the settings under {Path.GetFullPath(root)}; nothing else was done (--root).");
        return ExitCodes.Ok;
    }

    /// <summary>The options given, as the settings file's JSON (numbers and switches typed), and the same with secrets masked.</summary>
    private static (string Settings, string Shown) SettingsJson(ParseResult serveLine, Command serve)
    {
        var settings = new JsonObject();
        var shown = new JsonObject();
        foreach (var option in ServeConfiguration.Settings(serve))
        {
            if (serveLine.GetResult(option) is not { Implicit: false } given)
            {
                continue;
            }

            var key = SettingNames.KeyOf(option.Name);
            var text = given.Tokens.Count == 0 ? "true" : given.Tokens[0].Value;
            settings[key] = Typed(option, PathOptions.Contains(option.Name) ? Path.GetFullPath(text) : text);
            shown[key] = SettingText.IsSecret(option) ? SettingText.Mask : Typed(option, settings[key]!.ToString());
        }

        var stateDir = serve.Options.FirstOrDefault(option => option.Name == "--state-dir");
        if (stateDir is not null && !settings.ContainsKey("stateDir"))
        {
            settings["stateDir"] = ServiceUnitSettings.StateDirectory;
            shown["stateDir"] = ServiceUnitSettings.StateDirectory;
        }

        return (settings.ToJsonString(Indented) + "\n", shown.ToJsonString(Indented) + "\n");
    }

    private static JsonValue Typed(Option option, string text)
    {
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        if (type == typeof(bool) && bool.TryParse(text, out var flag))
        {
            return JsonValue.Create(flag);
        }

        return (type == typeof(int) || type == typeof(long)) && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(text);
    }

    private static bool BindsLowPort(ParseResult serveLine) =>
        serveLine.GetValue<int>("--port") is > 0 and < 1024 || serveLine.GetValue<int>("--ws-port") is > 0 and < 1024;
}
