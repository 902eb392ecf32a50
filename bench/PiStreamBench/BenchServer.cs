using System.Diagnostics;
using System.Net.WebSockets;

namespace PiStream.Bench;

/// <summary>
/// One benchmark's <c>pistream serve</c> (the shared <see cref="CliProcess"/>) on a port chosen in advance:
/// its URLs, the wait until it serves, and its warnings echoed to the console while it runs.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly CliProcess _process;
    private volatile bool _stopping;

    private BenchServer(ServerOptions options)
    {
        Port = FreePorts.Free();
        _process = CliProcess.Start(new CliStartInfo(options.Arguments(Port, FreePorts.Free())) { OnLine = Echo, Environment = options.Environment, Executable = options.Executable });
    }

    public int Port { get; }

    public int Pid => _process.Id;

    public Uri StreamUri => new($"ws://127.0.0.1:{Port}/stream");

    public Uri PageUri(string query) => new($"http://127.0.0.1:{Port}/index.html?{query}");

    public static BenchServer Start(ServerOptions options) => new(options);

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
                var elapsed = Stopwatch.GetElapsedTime(_process.StartedAt);
                socket.Abort();
                return elapsed;
            }
            catch (WebSocketException)
            {
                await Task.Delay(5, deadline.Token);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _stopping = true;
        return _process.DisposeAsync();
    }

    /// <summary>Standard error, and warnings or worse from standard output, until the benchmark stops the server.</summary>
    private void Echo(string line, bool isError)
    {
        if (!_stopping && (isError || IsProblem(line)))
        {
            Console.Error.WriteLine($"  [serve] {line}");
        }
    }

    /// <summary>A log line at warning level or above ("HH:mm:ss warn Class: ...", see ShortConsoleFormatter).</summary>
    private static bool IsProblem(string line) =>
        line.Length > 13 && line.AsSpan(9, 5) is "warn " or "fail " or "crit ";
}
