using System.Diagnostics;
using PiStream.Tests.Support;

namespace PiStream.Tests.Commands;

/// <summary>The real <c>pistream service</c>: files under <c>--root</c> that systemd accepts, dry runs, the sudo rule, status.</summary>
public sealed class ServiceCommandTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private readonly TempFolder _root = new();

    private string Unit => Path.Join(_root.Path, "etc/systemd/system/pistream.service");

    private string Settings => Path.Join(_root.Path, "etc/pistream/pistream.json");

    [Fact]
    public async Task Install_under_a_root_writes_a_unit_systemd_accepts_and_settings_serve_reads_back()
    {
        var (exitCode, output, error) = await CliProcess.RunAsync(
            ["service", "install", "--root", _root.Path, "--port", "8090", "--width", "1280", "--height", "720", "--hflip", "--bitrate", "2M", "--auth", "viewer:secret-1"],
            Generous);

        Assert.True(exitCode == 0, error);
        Assert.DoesNotContain("secret-1", output + error);
        var unit = await File.ReadAllTextAsync(Unit);
        Assert.Contains("ExecStart=", unit);
        Assert.Contains("serve --config /etc/pistream/pistream.json", unit);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(Settings));
        }

        var (verifyCode, verifyOutput) = await VerifyAsync(Unit);
        Assert.True(verifyCode == 0 && verifyOutput.Length == 0, $"systemd-analyze verify: exit {verifyCode}: {verifyOutput}");

        var (showCode, shown, showError) = await CliProcess.RunAsync(["config", "show", "--config", Settings], Generous);
        Assert.True(showCode == 0, showError);
        Assert.Matches(@"\nport +8090 +file\r?\n", shown);
        Assert.Matches(@"\nwidth +1280 +file\r?\n", shown);
        Assert.Matches(@"\nhflip +true +file\r?\n", shown);
        Assert.Matches(@"\nbitrate +2M +file\r?\n", shown);
        Assert.Matches(@"\nauth +\*{8} +file\r?\n", shown);
        Assert.Matches(@"\nvflip +false +default\r?\n", shown);
    }

    [Fact]
    public async Task Systemd_analyze_rejects_a_broken_unit_so_the_check_above_means_something()
    {
        var (exitCode, _, error) = await CliProcess.RunAsync(["service", "install", "--root", _root.Path], Generous);
        Assert.True(exitCode == 0, error);
        var unit = await File.ReadAllTextAsync(Unit);
        await File.WriteAllTextAsync(Unit, unit.Replace("Type=notify", "Type=notify-ish", StringComparison.Ordinal));

        var (_, verifyOutput) = await VerifyAsync(Unit);

        Assert.Contains("notify-ish", verifyOutput);
    }

    [Fact]
    public async Task A_dry_run_prints_files_and_commands_masks_the_password_and_writes_nothing()
    {
        var (exitCode, output, error) = await CliProcess.RunAsync(["service", "install", "--dry-run", "--root", _root.Path, "--auth", "viewer:secret-2", "--record", "/srv/cam"], Generous);

        Assert.True(exitCode == 0, error);
        Assert.Contains($"would write {Unit} (mode 0644):", output);
        Assert.Contains($"would write {Settings} (mode 0640):", output);
        Assert.Contains("\"auth\": \"********\"", output);
        Assert.Contains("ReadWritePaths=-/srv/cam", output);
        Assert.DoesNotContain("secret-2", output + error);
        Assert.False(File.Exists(Unit));
        Assert.False(File.Exists(Settings));
    }

    [Fact]
    public async Task A_bad_serve_option_is_exit_2_and_nothing_is_written()
    {
        var (exitCode, _, error) = await CliProcess.RunAsync(["service", "install", "--root", _root.Path, "--width", "wide"], Generous);

        Assert.Equal(2, exitCode);
        Assert.Contains("--width 'wide' is not a whole number", error);
        Assert.False(File.Exists(Unit));
    }

    [Fact]
    public async Task Without_root_and_without_a_root_folder_it_says_to_use_sudo()
    {
        var dotnet = Environment.ProcessPath!;
        var info = new ProcessStartInfo("setpriv") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var word in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", dotnet, Path.Combine(AppContext.BaseDirectory, "PiStreamCli.dll"), "service", "install", "--port", "8090" })
        {
            info.ArgumentList.Add(word);
        }

        using var process = Process.Start(info)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("run it with sudo", error);
        Assert.Contains("--root DIR", error);
    }

    [Fact]
    public async Task Uninstall_under_a_root_deletes_the_unit_and_keeps_the_settings()
    {
        Assert.Equal(0, (await CliProcess.RunAsync(["service", "install", "--root", _root.Path, "--port", "8090"], Generous)).ExitCode);

        var (exitCode, output, error) = await CliProcess.RunAsync(["service", "uninstall", "--root", _root.Path], Generous);

        Assert.True(exitCode == 0, error);
        Assert.False(File.Exists(Unit));
        Assert.True(File.Exists(Settings));
        Assert.Contains("Kept", output);
    }

    [Fact]
    public async Task Status_shows_systemctl_and_the_journal_and_exits_0_while_active()
    {
        using var tools = new FakeToolDirectory();
        tools.Add("systemctl", "echo \"● pistream.service - pistream  Active: active (running) args: $*\"; exit 0");
        tools.Add("journalctl", "echo \"Nov 30 pistream[42]: Watch at http://raspberrypi:8082/ args: $*\"");
        var environment = new Dictionary<string, string> { ["PATH"] = $"{tools.Path}:/usr/bin:/bin" };

        var (exitCode, output, error) = await CliProcess.RunAsync(["service", "status", "--lines", "5"], Generous, environment);

        Assert.True(exitCode == 0, error);
        Assert.Contains("Active: active (running) args: status pistream.service --no-pager --lines=0", output);
        Assert.Contains("Watch at http://raspberrypi:8082/ args: --unit pistream.service --lines 5 --no-pager", output);
    }

    [Fact]
    public async Task Status_of_a_service_never_installed_says_how_to_install()
    {
        using var tools = new FakeToolDirectory();
        tools.Add("systemctl", "echo 'Unit pistream.service could not be found.' >&2; exit 4");
        var environment = new Dictionary<string, string> { ["PATH"] = $"{tools.Path}:/usr/bin:/bin" };

        var (exitCode, _, error) = await CliProcess.RunAsync(["service", "status"], Generous, environment);

        Assert.Equal(1, exitCode);
        Assert.Contains("sudo pistream service install", error);
    }

    public void Dispose() => _root.Dispose();

    private static async Task<(int ExitCode, string Output)> VerifyAsync(string unit)
    {
        var info = new ProcessStartInfo("systemd-analyze") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("verify");
        info.ArgumentList.Add(unit);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (output + error).Trim());
    }
}
