using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Processes;

namespace PiStream.Tests.Services.Processes;

/// <summary>A child that was killed (as ffmpeg is by a fault) leaves no open pipe behind once disposed.</summary>
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
}
