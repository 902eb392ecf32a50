using PiStream.Services.Processes;

namespace PiStream.Services.Systemd;

/// <summary>Carries out a <see cref="ServiceInstallPlan"/>, or prints it (<c>--dry-run</c>); stops at the first command that fails.</summary>
internal static class ServiceInstaller
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Prints what <see cref="RunAsync"/> would do, with secrets masked.</summary>
    public static void Print(ServiceInstallPlan plan, TextWriter output)
    {
        foreach (var command in plan.Before)
        {
            output.WriteLine($"would run: {Shown(command)}");
        }

        foreach (var file in plan.Writes)
        {
            output.WriteLine($"would write {file.Path} (mode {Octal(file.Mode)}):");
            output.Write(file.Shown.EndsWith('\n') ? file.Shown : file.Shown + "\n");
        }

        foreach (var path in plan.Deletes)
        {
            output.WriteLine($"would delete {path}");
        }

        foreach (var command in plan.After)
        {
            output.WriteLine($"would run: {Shown(command)}");
        }
    }

    /// <summary>Does it; null when all went well, else what failed (with the tool's own words).</summary>
    public static async Task<string?> RunAsync(ServiceInstallPlan plan, TextWriter output, CancellationToken cancellationToken)
    {
        if (await RunAllAsync(plan.Before, output, cancellationToken) is { } failedBefore)
        {
            return failedBefore;
        }

        foreach (var file in plan.Writes)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
            var temporary = file.Path + ".new";
            await File.WriteAllTextAsync(temporary, file.Content, cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, file.Mode);
            }

            File.Move(temporary, file.Path, overwrite: true);
            output.WriteLine($"wrote {file.Path}");
        }

        foreach (var path in plan.Deletes.Where(File.Exists))
        {
            File.Delete(path);
            output.WriteLine($"deleted {path}");
        }

        return await RunAllAsync(plan.After, output, cancellationToken);
    }

    private static async Task<string?> RunAllAsync(IEnumerable<IReadOnlyList<string>> commands, TextWriter output, CancellationToken cancellationToken)
    {
        foreach (var command in commands)
        {
            output.WriteLine($"running: {Shown(command)}");
            var result = await ToolRunner.RunAsync(command[0], command.Skip(1), CommandTimeout, cancellationToken);
            if (result is null)
            {
                return $"{command[0]} is not installed: 'service' needs systemd and the usual user tools (sudo apt-get install systemd passwd).";
            }

            if (!result.Succeeded)
            {
                var said = (result.StandardError + result.StandardOutput).Trim();
                return $"'{Shown(command)}' failed{(result.TimedOut ? " (timed out)" : $" with exit code {result.ExitCode}")}: {said}";
            }
        }

        return null;
    }

    private static string Shown(IEnumerable<string> command) => string.Join(' ', command.Select(word => word.Contains(' ', StringComparison.Ordinal) ? $"'{word}'" : word));

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
