using System.Net.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Broadcast;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Broadcast;

/// <summary>
/// The per-frame path (pool, publish, fan-out to every viewer's queue, and the send of each caught-up viewer, which
/// the broadcast path now does itself) does not allocate once warm.
/// </summary>
public sealed class BroadcasterAllocationTests
{
    [Fact]
    public async Task Publishing_to_ten_viewers_allocates_nothing_per_frame()
    {
        var pool = new StreamMessagePool();
        var broadcaster = new Broadcaster(new StreamStats());
        using var stop = new CancellationTokenSource();
        var viewers = Enumerable.Range(0, 10)
            .Select(i => new Viewer(WebSocket.CreateFromStream(new StalledStream(int.MaxValue), true, null, Timeout.InfiniteTimeSpan), $"v{i}", new ViewerOptions(64, TimeSpan.FromMinutes(1)), NullLogger.Instance))
            .ToArray();
        var runs = viewers.Select(viewer => viewer.RunAsync(StreamHeader.Create(640, 480), broadcaster.Join, stop.Token)).ToArray();
        var payload = new byte[4000];

        long PublishFrame(int index)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var frame = pool.Rent();
            frame.Append(payload);
            frame.Complete(isKeyframe: index % 24 == 0);
            broadcaster.Publish(frame);
            frame.Release();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        while (broadcaster.ViewerCount < viewers.Length)
        {
            await Task.Delay(10);
        }

        // Warm up at a live pace (every viewer has sent a frame before the next), so the pool holds enough frames.
        for (var i = 0; i < 100; i++)
        {
            PublishFrame(i);
            await WaitUntilSent(viewers, i + 1);
        }

        long allocated = 0;
        var sentInline = 0;
        for (var i = 100; i < 600; i++)
        {
            allocated += PublishFrame(i);
            sentInline += viewers.Count(viewer => viewer.FramesSent == i + 1); // written before Publish returned
            await WaitUntilSent(viewers, i + 1);
        }

        Assert.True(allocated < 500, $"{allocated} bytes for 500 frames to 10 viewers");
        Assert.Equal(500 * viewers.Length, sentInline);
        await stop.CancelAsync();
        await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task WaitUntilSent(IEnumerable<Viewer> viewers, long frames)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (viewers.Any(viewer => viewer.FramesSent < frames))
        {
            Assert.True(DateTime.UtcNow < deadline, "viewers stopped sending");
            await Task.Yield();
        }
    }
}
