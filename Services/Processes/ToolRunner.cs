using System.ComponentModel;
using System.Diagnostics;

namespace PiStream.Services.Processes;

/// <summary>
/// Runs a short-lived tool (rpicam-hello, v4l2-ctl, ffmpeg -version) with a timeout, capturing all it prints; started
/// exactly as <see cref="ChildProcess"/> starts long-running programs. Every short-lived tool pistream runs goes through here.
/// Unlike <see cref="ChildProcess"/>, which streams stderr into the log for as long as a program runs, this keeps all
/// of both outputs for the caller to parse. Its pipes are closed here: <see cref="Process.Dispose()"/> leaves pipes that
/// were read directly to the finalizer, so a server that probes a camera now and then would hold them until a GC.
/// </summary>
internal static class ToolRunner
{
    /// <summary>
    /// Runs <paramref name="fileName"/> and returns what it printed; null when the tool is not installed.
    /// A tool still running after <paramref name="timeout"/> is killed and reported as timed out.
    /// </summary>
    public static async Task<ToolResult?> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = Process.Start(ChildProcess.StartInfo(fileName, arguments))!;
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        using (process.StandardOutput)
        using (process.StandardError)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                return new ToolResult(-1, await Partial(stdout), await Partial(stderr), TimedOut: true);
            }

            return new ToolResult(process.ExitCode, await stdout, await stderr, TimedOut: false);
        }
    }

    private static async Task<string> Partial(Task<string> output)
    {
        try
        {
            return await output.WaitAsync(TimeSpan.FromSeconds(1));
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or IOException)
        {
            return "";
        }
    }
}
