using System.Diagnostics;
using System.Text;

namespace PiStream.Tests.Commands;

/// <summary>Runs the real pistream CLI (PiStreamCli.dll next to the tests) as a process, as a user would.</summary>
internal static class CliProcess
{
    private static string Dotnet => Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet"
        ? path
        : "/usr/share/dotnet/dotnet";

    /// <summary>Runs <c>pistream ARGS</c>; <paramref name="pathVariable"/> replaces PATH when given.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> arguments, string? pathVariable = null)
    {
        var info = new ProcessStartInfo(Dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PiStreamCli.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (pathVariable is not null)
        {
            info.Environment["PATH"] = pathVariable;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pistream {string.Join(' ', info.ArgumentList.Skip(1))} did not finish within 120 s");
        }

        return (process.ExitCode, await output, await error);
    }
}
