using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PiStream.Soak;

/// <summary>The real <c>pistream serve</c> (PiStreamCli.dll beside this program) and what /proc says about it.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public int Id => _process.Id;

    public static async Task<ServerProcess> StartAsync(int maxViewers)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "PiStreamCli.dll"), "serve", "--source", "test", "--bind", "127.0.0.1",
            "--port", port.ToString(CultureInfo.InvariantCulture), "--ws-port", FreePort().ToString(CultureInfo.InvariantCulture),
            "--max-viewers", maxViewers.ToString(CultureInfo.InvariantCulture),
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Press Ctrl+C", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new ServerProcess(process, port);
    }

    /// <summary>Resident memory in MiB, thread count, open file descriptors.</summary>
    public (double RssMiB, int Threads, int Handles) Resources()
    {
        var status = File.ReadAllLines($"/proc/{Id}/status");
        long Field(string name) => long.Parse(status.First(line => line.StartsWith(name, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return (Field("VmRSS") / 1024.0, (int)Field("Threads"), Directory.GetFiles($"/proc/{Id}/fd").Length);
    }

    /// <summary>Children (ffmpeg) by pid.</summary>
    public IReadOnlyList<int> Children() =>
        Directory.GetDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => ParentOf(pid) == Id)
            .ToArray();

    public static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGTERM; how long until it exited, and its exit code.</summary>
    public async Task<(TimeSpan Took, int ExitCode)> TerminateAsync()
    {
        var clock = Stopwatch.StartNew();
        Signal(Id, "TERM");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        return (clock.Elapsed, _process.ExitCode);
    }

    public static bool IsAlive(int pid)
    {
        var stat = Stat(pid);
        return stat is not null && stat[stat.LastIndexOf(')') + 2] != 'Z';
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int? ParentOf(int pid)
    {
        var stat = Stat(pid);
        return stat is null ? null : int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static string? Stat(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
