using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PiStream.Services.Secrets;

namespace PiStream.Services.Processes;

/// <summary>
/// A program pistream runs (ffmpeg, rpicam-vid, a user's exec: command): every stream redirected,
/// stderr drained line by line into the log (an undrained stderr blocks the child), the last lines
/// kept for error messages (credentials in the command line and in those lines are masked), and a stop that closes stdin, waits briefly, then kills the whole tree.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 8;
    private readonly Process _process;
    private readonly ILogger _logger;
    private readonly LogLevel _stderrLevel;
    private readonly Queue<string> _lastLines = new();
    private readonly Task _stderrPump;

    private ChildProcess(Process process, ILogger logger, LogLevel stderrLevel)
    {
        _process = process;
        _logger = logger;
        _stderrLevel = stderrLevel;
        _stderrPump = PumpStderrAsync();
    }

    public string Name => Path.GetFileName(_process.StartInfo.FileName);

    public int Id => _process.Id;

    public Stream Input => _process.StandardInput.BaseStream;

    public Stream Output => _process.StandardOutput.BaseStream;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="fileName"/>; <paramref name="stderrLevel"/> is the level its stderr lines are logged at.</summary>
    /// <param name="environment">Variables to set for the program (for example TZ=UTC), on top of pistream's own.</param>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, ILogger logger, LogLevel stderrLevel = LogLevel.Warning, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = StartInfo(fileName, arguments);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        logger.LogInformation("Starting {Program} {Arguments}", fileName, SecretMasker.Hide(string.Join(' ', info.ArgumentList.Select(Quote))));
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        return new ChildProcess(process, logger, stderrLevel);
    }

    /// <summary>How pistream starts every program, long-running or short (<see cref="ToolRunner"/>): no shell, one argument per entry, every stream redirected.</summary>
    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>The last lines the program wrote to stderr, for an error message.</summary>
    public string LastErrorLines()
    {
        lock (_lastLines)
        {
            return string.Join(Environment.NewLine, _lastLines);
        }
    }

    /// <summary>Waits for the program to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>
    /// Describes how the program ended: its exit code (or the signal that killed it) and its last stderr lines.
    /// Its output can end a moment before the exit is reaped (after <c>kill -9</c>, say), so this waits up to
    /// <see cref="ExitWait"/> for the exit before saying the program is still running.
    /// </summary>
    public string DescribeExit()
    {
        var lines = LastErrorLines();
        var text = _process.WaitForExit(ExitWait) ? $"{Name} exited ({ExitText(_process.ExitCode)})" : $"{Name} closed its output but is still running";
        return lines.Length == 0 ? text : $"{text}: {lines}";
    }

    /// <summary>How long <see cref="DescribeExit"/> waits for a program whose output ended to be reaped.</summary>
    public static TimeSpan ExitWait { get; } = TimeSpan.FromSeconds(2);

    /// <summary>An exit code as a person reads it: on Unix, 128 + N means the program was killed by signal N.</summary>
    internal static string ExitText(int code)
    {
        var text = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return !OperatingSystem.IsWindows() && code is > 128 and < 128 + 32
            ? $"{text}: killed by signal {(code - 128).ToString(System.Globalization.CultureInfo.InvariantCulture)}{SignalName(code - 128)}"
            : text;
    }

    private static string SignalName(int signal) => signal switch
    {
        2 => " (SIGINT)",
        6 => " (SIGABRT)",
        9 => " (SIGKILL)",
        11 => " (SIGSEGV)",
        15 => " (SIGTERM)",
        _ => "",
    };

    /// <summary>Closes stdin (ffmpeg finishes its output on EOF), waits up to <paramref name="grace"/>, then kills the tree.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The pipe is already broken: the process is on its way out.
            }

            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _logger.LogDebug("{Program} did not exit within {Grace}; killing it", Name, grace);
                Kill();
            }
        }

        await _stderrPump.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>
    /// Stops the program and closes its three pipes: <see cref="Process.Dispose()"/> leaves them to the
    /// finalizer, so each restart would hold three descriptors until the next garbage collection.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromMilliseconds(500));
        ClosePipe(_process.StandardInput);
        ClosePipe(_process.StandardOutput);
        ClosePipe(_process.StandardError);
        _process.Dispose();
    }

    private static void ClosePipe(IDisposable pipe)
    {
        try
        {
            pipe.Dispose();
        }
        catch (IOException)
        {
            // Flushing stdin of a program that is gone: nothing left to deliver.
        }
    }

    private async Task PumpStderrAsync()
    {
        try
        {
            while (await _process.StandardError.ReadLineAsync() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                line = SecretMasker.Hide(line);
                lock (_lastLines)
                {
                    if (_lastLines.Count == KeptLines)
                    {
                        _lastLines.Dequeue();
                    }

                    _lastLines.Enqueue(line);
                }

                _logger.Log(_stderrLevel, "{Program}: {Line}", Name, line);
            }
        }
        catch (IOException)
        {
            // The process went away mid-line.
        }
        catch (ObjectDisposedException)
        {
            // Disposed while reading.
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(char.IsWhiteSpace) && !argument.Contains('"') ? argument : $"\"{argument.Replace("\"", "\\\"")}\"";
}
