using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;

namespace PiStream.Bench;

/// <summary>
/// The real <c>pistream serve</c> (PiStreamCli.dll from this program's output folder, which the project
/// reference puts there) as a child process, stopped with SIGTERM like a user's Ctrl+C.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private volatile bool _stopping;

    private ServerProcess(Process process, int port, long startedAt)
    {
        _process = process;
        Port = port;
        StartedAt = startedAt;
        _process.OutputDataReceived += (_, e) => Echo(e.Data, onlyProblems: true);
        _process.ErrorDataReceived += (_, e) => Echo(e.Data, onlyProblems: false);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public int Pid => _process.Id;

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the process was started.</summary>
    public long StartedAt { get; }

    public Uri StreamUri => new($"ws://127.0.0.1:{Port}/stream");

    public Uri PageUri(string query) => new($"http://127.0.0.1:{Port}/index.html?{query}");

    public static ServerProcess Start(ServerOptions options)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PiStreamCli.dll"));
        foreach (var argument in options.Arguments(port, FreePort.Next()))
        {
            info.ArgumentList.Add(argument);
        }

        var startedAt = Stopwatch.GetTimestamp();
        return new ServerProcess(Process.Start(info)!, port, startedAt);
    }

    /// <summary>Connects until the server answers; returns the time from process start to the first WebSocket byte.</summary>
    public async Task<TimeSpan> WaitUntilServingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var buffer = new byte[64];
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"pistream serve exited with code {_process.ExitCode} before serving.");
            }

            using var socket = new ClientWebSocket();
            try
            {
                await socket.ConnectAsync(StreamUri, deadline.Token);
                await socket.ReceiveAsync(buffer.AsMemory(), deadline.Token);
                var elapsed = Stopwatch.GetElapsedTime(StartedAt);
                socket.Abort();
                return elapsed;
            }
            catch (WebSocketException)
            {
                await Task.Delay(5, deadline.Token);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private void Echo(string? line, bool onlyProblems)
    {
        if (line is not null && !_stopping && (!onlyProblems || IsProblem(line)))
        {
            Console.Error.WriteLine($"  [serve] {line}");
        }
    }

    /// <summary>A log line at warning level or above ("HH:mm:ss warn Class: ...", see ShortConsoleFormatter).</summary>
    private static bool IsProblem(string line) =>
        line.Length > 13 && line.AsSpan(9, 5) is "warn " or "fail " or "crit ";

    private static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
}
