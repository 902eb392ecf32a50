using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Processes;

namespace PiStream.Tests.Services.Processes;

/// <summary>A child that was killed (as ffmpeg is by a fault) leaves no open pipe behind once disposed, and its end is told as it happened.</summary>
public sealed class ChildProcessTests
{
    [Fact]
    public async Task Disposing_a_killed_child_closes_all_three_pipes()
    {
        var child = ChildProcess.Start("cat", [], NullLogger.Instance);
        var input = child.Input;
        var output = child.Output;
        child.Kill();
        await child.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

        await child.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => input.WriteByte(0));
        Assert.Throws<ObjectDisposedException>(() => output.ReadByte());
    }

    [Fact]
    public async Task A_child_killed_by_a_signal_just_after_its_output_ended_is_not_called_still_running()
    {
        // Output closes first, the kill -9 comes a moment later: the window in which the log used to say "exited (still running)".
        var child = ChildProcess.Start("/bin/sh", ["-c", "exec >&-; sleep 0.5; kill -9 $$"], NullLogger.Instance);
        Assert.Equal(0, await child.Output.ReadAsync(new byte[1]));

        var description = child.DescribeExit();
        await child.DisposeAsync();

        Assert.DoesNotContain("still running", description);
        Assert.Equal("sh exited (137: killed by signal 9 (SIGKILL))", description);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "1")]
    [InlineData(137, "137: killed by signal 9 (SIGKILL)")]
    [InlineData(143, "143: killed by signal 15 (SIGTERM)")]
    [InlineData(255, "255")]
    public void Exit_codes_read_as_signals_where_they_are(int code, string expected)
    {
        Assert.Equal(expected, ChildProcess.ExitText(code));
    }
}
