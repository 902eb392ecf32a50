using System.CommandLine;
using PiStream.Services.Processes;
using PiStream.Services.Systemd;

namespace PiStream.Commands;

/// <summary><c>pistream service install|uninstall|status</c>: serve at boot under systemd.</summary>
internal static class ServiceCommand
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    private static readonly Option<int> Lines = CommonOptions.Ranged("--lines", 20, 1, 10_000, "How many of the latest log lines to show (1-10000).");

    public static Command Create() => new("service", "Run serve at boot as a systemd service (see 'Run it at boot' in the README).")
    {
        ServiceInstallCommand.Create(),
        CreateUninstall(),
        CreateStatus(),
    };

    public static async Task<int> UninstallAsync(ParseResult result, bool privileged, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = result.GetValue(ServiceInstallCommand.Root);
        var dryRun = result.GetValue(ServiceInstallCommand.DryRun);
        var unit = ServiceInstallPlan.Under(root, ServiceUnitSettings.UnitPath);
        if (!File.Exists(unit))
        {
            await output.WriteLineAsync($"pistream is not installed as a service (no {unit}): nothing to do.");
            return ExitCodes.Ok;
        }

        if (root is null && !dryRun && !privileged)
        {
            await error.WriteLineAsync("error: service uninstall stops the service and deletes its unit: run it with sudo, or give --root DIR. Nothing was changed.");
            return ExitCodes.Failed;
        }

        var plan = ServiceInstallPlan.Uninstall(root);
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

        await output.WriteLineAsync($"Kept {ServiceInstallPlan.Under(root, ServiceUnitSettings.ConfigPath)}, {ServiceUnitSettings.StateDirectory} and the user pistream; to remove them too: sudo rm -r /etc/pistream {ServiceUnitSettings.StateDirectory} && sudo userdel pistream");
        return ExitCodes.Ok;
    }

    /// <summary><c>systemctl status</c> and the latest journal lines; exit 0 only while the service is active.</summary>
    public static async Task<int> StatusAsync(int lines, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var status = await ToolRunner.RunAsync("systemctl", ["status", ServiceUnitSettings.Name, "--no-pager", "--lines=0"], ToolTimeout, cancellationToken);
        if (status is null)
        {
            await error.WriteLineAsync("error: systemctl not found: 'pistream service' needs systemd (Raspberry Pi OS has it).");
            return ExitCodes.MissingDependency;
        }

        await output.WriteAsync(status.StandardOutput);
        await error.WriteAsync(status.StandardError);
        if (status.ExitCode == 4)
        {
            await error.WriteLineAsync("pistream is not installed as a service: sudo pistream service install [serve options]");
            return ExitCodes.Failed;
        }

        var journal = await ToolRunner.RunAsync("journalctl", ["--unit", ServiceUnitSettings.Name, "--lines", $"{lines}", "--no-pager"], ToolTimeout, cancellationToken);
        if (journal is not null)
        {
            await output.WriteAsync(journal.StandardOutput);
            await error.WriteAsync(journal.StandardError);
        }

        if (status.ExitCode != 0)
        {
            await error.WriteLineAsync("pistream is not running: the log above says why; start it with: sudo systemctl start pistream");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }

    private static Command CreateUninstall()
    {
        var uninstall = new Command("uninstall", "Stop and disable the service and delete its unit; the settings file, the state folder and the user stay. Needs root (sudo).")
        {
            ServiceInstallCommand.Root,
            ServiceInstallCommand.DryRun,
        };
        uninstall.SetAction((result, cancellationToken) => UninstallAsync(result, Environment.IsPrivilegedProcess, Console.Out, Console.Error, cancellationToken));
        return uninstall;
    }

    private static Command CreateStatus()
    {
        var status = new Command("status", "Is the service running? systemctl status and the latest lines of its log (journalctl).") { Lines };
        status.SetAction((result, cancellationToken) => StatusAsync(result.GetValue(Lines), Console.Out, Console.Error, cancellationToken));
        return status;
    }
}
