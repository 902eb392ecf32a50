using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Processes;

namespace PiStream.Tests.Services.Processes;

/// <summary>A child's pipe holds a whole raw frame once enlarged: one write per frame instead of one per 64 KiB.</summary>
public sealed class PipeBuffersTests
{
    private const int Frame640x480 = 640 * 480 * 3 / 2;

    [Fact]
    public async Task A_child_that_does_not_read_yet_takes_a_whole_640x480_frame_in_one_write()
    {
        await using var child = ChildProcess.Start("sleep", ["30"], NullLogger.Instance);

        var size = PipeBuffers.Enlarge(child.Input, Frame640x480);

        Assert.InRange(size, Frame640x480, 1 << 20);
        var write = child.Input.WriteAsync(new byte[Frame640x480]).AsTask();
        Assert.Same(write, await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(10)))); // 64 KiB would block until sleep read
        child.Kill();
    }

    [Fact]
    public async Task An_enlarged_output_pipe_still_delivers_every_byte_in_order()
    {
        await using var child = ChildProcess.Start("seq", ["1", "150000"], NullLogger.Instance);
        Assert.True(PipeBuffers.Enlarge(child.Output, Frame640x480) >= Frame640x480);
        using var copy = new MemoryStream();
        await child.Output.CopyToAsync(copy);

        var expected = string.Concat(Enumerable.Range(1, 150_000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"));
        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(copy.ToArray()));
    }

    [Fact]
    public void A_stream_that_is_not_a_pipe_is_left_alone()
    {
        using var memory = new MemoryStream();

        Assert.Equal(0, PipeBuffers.Enlarge(memory, Frame640x480));
    }
}
