using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PiStream.Tests.Commands;

/// <summary>Runs the real CLI (<c>dotnet PiStreamCli.dll ...</c> from the test output folder) as a user would.</summary>
internal sealed class PiStreamProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PiStreamProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Runs a command to its end (at most 60 s) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        await using var process = Start(arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process._process.WaitForExitAsync(timeout.Token);
        return (process._process.ExitCode, process.Output, process.Error);
    }

    /// <summary>Starts <c>serve</c> and waits (at most 60 s) until it prints where to watch.</summary>
    public static async Task<PiStreamProcess> ServeAsync(params string[] arguments)
    {
        var process = Start(["serve", .. arguments]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var exited = process._process.WaitForExitAsync(timeout.Token);
        if (await Task.WhenAny(process._ready.Task, exited) != process._ready.Task)
        {
            await process.DisposeAsync();
            throw new InvalidOperationException($"serve did not start: {process.Error}");
        }

        return process;
    }

    /// <summary>A TCP port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops with SIGTERM as a service manager would; kills the tree if it does not stop within 10 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private static PiStreamProcess Start(string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PiStreamCli.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new PiStreamProcess(new Process { StartInfo = info });
        process._process.OutputDataReceived += (_, e) => process.Append(process._output, e.Data, isOutput: true);
        process._process.ErrorDataReceived += (_, e) => process.Append(process._error, e.Data, isOutput: false);
        process._process.Start();
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    private void Append(StringBuilder builder, string? line, bool isOutput)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }

        if (isOutput && line.StartsWith("Watch at ", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
