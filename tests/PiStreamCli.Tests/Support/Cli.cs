using System.Diagnostics;
using System.Text;

namespace PiStream.Tests.Support;

/// <summary>Runs the built pistream CLI (PiStreamCli.dll beside the tests) as a real process, as a user would.</summary>
internal sealed class Cli : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];

    private Cli(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

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

    /// <summary>Completes when the CLI prints its "Recording ..." line (capture and ffmpeg are running).</summary>
    public Task Recording => WaitForLineAsync(line => line.StartsWith("Recording ", StringComparison.Ordinal));

    /// <summary>The first line of standard output that <paramref name="match"/> accepts, printed already or later.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        lock (_output)
        {
            var earlier = _output.ToString().Split(Environment.NewLine).FirstOrDefault(match);
            if (earlier is not null)
            {
                return Task.FromResult(earlier);
            }

            var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task;
        }
    }

    public static Cli Start(params string[] arguments) => StartIn(null, arguments);

    public static Cli StartIn(string? workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PiStreamCli.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        var cli = new Cli(process);
        process.OutputDataReceived += (_, e) => cli.Append(cli._output, e.Data, isOutput: true);
        process.ErrorDataReceived += (_, e) => cli.Append(cli._error, e.Data, isOutput: false);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs the CLI to its end (killing it after <paramref name="timeout"/>) and returns its exit code.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        using var cli = Start(arguments);
        var exitCode = await cli.WaitAsync(timeout);
        return (exitCode, cli.Output, cli.Error);
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pistream did not exit within {timeout}. Output: {Output} Error: {Error}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as a service manager or <c>kill</c> does.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGKILL to pistream and its ffmpeg at once: the nearest thing to a crash or a power cut.</summary>
    public void Crash() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
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
            if (isOutput)
            {
                foreach (var waiter in _waiters.Where(waiter => waiter.Match(line)).ToList())
                {
                    waiter.Found.TrySetResult(line);
                    _waiters.Remove(waiter);
                }
            }
        }
    }
}
