using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Capture;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Capture;

/// <summary>A capture program's padded frames, read from a real process's stdout, reach the sink tight.</summary>
public sealed class ProcessCaptureSourceTests
{
    [Fact]
    public async Task Padded_frames_from_a_process_arrive_tight_and_in_order()
    {
        var layout = PlaneLayout.Aligned(100, 6, 64);
        var file = Path.GetTempFileName();
        var padded = SyntheticFrame.Padded(layout);
        await File.WriteAllBytesAsync(file, [.. padded, .. padded, .. padded]);
        var source = new ProcessCaptureSource("three frames", "/bin/cat", [file], layout, NullLogger.Instance);
        var received = new List<byte[]>();

        var error = await Assert.ThrowsAsync<CaptureStoppedException>(() => source.RunAsync((frame, _) =>
        {
            received.Add(frame.ToArray());
            return ValueTask.CompletedTask;
        }, CancellationToken.None));

        File.Delete(file);
        Assert.Equal(3, received.Count);
        Assert.All(received, frame => Assert.Equal(SyntheticFrame.Tight(100, 6), frame));
        Assert.Contains("three frames stopped", error.Message);
        Assert.Contains("cat exited (0)", error.Message);
    }

    [Fact]
    public async Task Cancellation_stops_the_process()
    {
        var source = new ProcessCaptureSource("endless", "/bin/sh", ["-c", "cat /dev/zero"], PlaneLayout.Tight(64, 48), NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var frames = 0;
        var run = source.RunAsync((_, _) =>
        {
            if (++frames == 5)
            {
                stop.Cancel();
            }

            return ValueTask.CompletedTask;
        }, stop.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(5, frames);
    }
}
