using System.Diagnostics;
using System.Text;

namespace PiStream.Testing;

/// <summary>
/// The real pistream command line (PiStreamCli.dll from the caller's output folder, put there by its project
/// reference to PiStreamCli.csproj, or a native build named by <see cref="CliStartInfo.Executable"/>) as a child process, started the way a user runs it and stopped with SIGTERM
/// the way Ctrl+C or a service manager stops it. Used by the tests, the benchmark and the soak.
/// </summary>
public sealed class CliProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private readonly Process _process;
    private readonly Action<string, bool>? _onLine;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];

    private CliProcess(Process process, long startedAt, Action<string, bool>? onLine)
    {
        _process = process;
        _onLine = onLine;
        StartedAt = startedAt;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data, isOutput: true);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data, isOutput: false);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the process was started.</summary>
    public long StartedAt { get; }

    public TextWriter Input => _process.StandardInput;

    public string Output => Read(_output);

    public string Error => Read(_error);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Completes when <c>record</c> prints its "Recording ..." line (capture and ffmpeg are running).</summary>
    public Task Recording => WaitForLineAsync(line => line.StartsWith("Recording ", StringComparison.Ordinal));

    public static CliProcess Start(params string[] arguments) => Start(new CliStartInfo(arguments));

    public static CliProcess StartIn(string? workingDirectory, params string[] arguments) =>
        Start(new CliStartInfo(arguments) { WorkingDirectory = workingDirectory });

    public static CliProcess StartWith(IDictionary<string, string>? environment, string? workingDirectory, params string[] arguments) =>
        Start(new CliStartInfo(arguments) { Environment = environment?.AsReadOnly(), WorkingDirectory = workingDirectory });

    public static CliProcess Start(CliStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var info = new ProcessStartInfo(start.Executable ?? DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = start.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        if (start.Executable is null)
        {
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PiStreamCli.dll"));
        }

        foreach (var argument in start.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in start.Environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var startedAt = Stopwatch.GetTimestamp();
        return new CliProcess(Process.Start(info)!, startedAt, start.OnLine);
    }

    /// <summary>Runs <c>pistream ARGS</c> to its end (at most 60 s).</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        RunAsync(arguments, DefaultTimeout);

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan timeout, params string[] arguments) =>
        RunAsync(arguments, timeout);

    /// <summary>Runs to the end and returns the exit code (killed, and a TimeoutException, after <paramref name="timeout"/>).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        await using var cli = StartWith(environment, null, arguments.ToArray());
        var exitCode = await cli.WaitAsync(timeout);
        return (exitCode, cli.Output, cli.Error);
    }

    /// <summary>Starts <c>pistream serve ARGS</c> and waits (at most 60 s) until it says where to watch.</summary>
    public static async Task<CliProcess> ServeAsync(params string[] arguments)
    {
        var cli = Start(["serve", .. arguments]);
        try
        {
            await cli.WaitForOutputAsync("Press Ctrl+C", DefaultTimeout);
            return cli;
        }
        catch (TimeoutException)
        {
            await cli.DisposeAsync();
            throw new InvalidOperationException($"serve did not start: {cli.Error}");
        }
    }

    /// <summary>Waits for the exit and returns the code; kills the process and throws after <paramref name="timeout"/>.</summary>
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

    public Task WaitForExitAsync(TimeSpan timeout) => WaitAsync(timeout);

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

    /// <summary>Waits for a line of standard output containing <paramref name="text"/>; throws if the process exits first or time runs out.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var line = WaitForLineAsync(candidate => candidate.Contains(text, StringComparison.Ordinal));
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(line, exited, Task.Delay(timeout));
        if (first != line)
        {
            throw new TimeoutException($"'{text}' did not appear. Output: {Output} Error: {Error}");
        }
    }

    public void Signal(string signal) => ProcessTree.Signal(_process.Id, signal);

    /// <summary>Sends SIGTERM, as a service manager or <c>kill</c> does.</summary>
    public void Terminate() => Signal("TERM");

    /// <summary>SIGTERM, then waits for the exit: how long it took and the exit code (killed, and a TimeoutException, after <paramref name="timeout"/>).</summary>
    public async Task<(TimeSpan Took, int ExitCode)> TerminateAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        Terminate();
        var exitCode = await WaitAsync(timeout);
        return (clock.Elapsed, exitCode);
    }

    /// <summary>SIGKILL to pistream and its children at once: the nearest thing to a crash or a power cut.</summary>
    public void Crash() => _process.Kill(entireProcessTree: true);

    /// <summary>Process ids whose parent is this process (ffmpeg, rpicam-vid ...).</summary>
    public IReadOnlyList<int> Children() => ProcessTree.ChildrenOf(_process.Id);

    /// <summary>Stops with SIGTERM; kills the tree if it has not stopped within 10 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Terminate();
            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    /// <summary>The dotnet running this process, else the one the dotnet CLI names (DOTNET_HOST_PATH, set for test hosts), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? host
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } named ? named : "dotnet";

    private void Append(StringBuilder builder, string? line, bool isOutput)
    {
        if (line is null)
        {
            return;
        }

        _onLine?.Invoke(line, !isOutput);
        List<TaskCompletionSource<string>> found = [];
        lock (builder)
        {
            builder.AppendLine(line);
            if (isOutput)
            {
                foreach (var waiter in _waiters.Where(waiter => waiter.Match(line)).ToList())
                {
                    _waiters.Remove(waiter);
                    found.Add(waiter.Found);
                }
            }
        }

        foreach (var waiter in found)
        {
            waiter.TrySetResult(line);
        }
    }

    private static string Read(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }
}
