using System.Net.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Broadcast;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Broadcast;

/// <summary>A viewer that stops reading must not hold up the others, nor make the server hoard frames.</summary>
public sealed class SlowViewerTests
{
    [Fact]
    public async Task A_stalled_viewer_skips_to_keyframes_stays_bounded_and_is_closed_with_a_reason()
    {
        var pool = new StreamMessagePool();
        var broadcaster = new Broadcaster(new StreamStats());
        var options = new ViewerOptions(QueueFrames: 10, MaxBehind: TimeSpan.FromMilliseconds(600));
        var stalledStream = new StalledStream();
        var stalled = new Viewer(WebSocket.CreateFromStream(stalledStream, isServer: true, subProtocol: null, keepAliveInterval: Timeout.InfiniteTimeSpan), "stalled", options, NullLogger.Instance);
        var healthyStream = new StalledStream(acceptedWrites: int.MaxValue);
        var healthy = new Viewer(WebSocket.CreateFromStream(healthyStream, isServer: true, subProtocol: null, keepAliveInterval: Timeout.InfiniteTimeSpan), "healthy", options, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var stalledRun = stalled.RunAsync(StreamHeader.Create(640, 480), broadcaster.Join, stop.Token);
        var healthyRun = healthy.RunAsync(StreamHeader.Create(640, 480), broadcaster.Join, stop.Token);

        var published = 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!stalled.IsClosed && DateTime.UtcNow < deadline)
        {
            var frame = pool.Rent();
            frame.Append(new byte[1000]);
            frame.Complete(isKeyframe: published % 5 == 0);
            broadcaster.Publish(frame);
            frame.Release();
            published++;
            await Task.Delay(10);
        }

        Assert.True(stalled.IsClosed, "the stalled viewer was closed");
        Assert.StartsWith("viewer too slow", stalled.CloseReason);
        Assert.True(stalled.FramesSkipped > 0);
        Assert.True(stalled.FramesSent <= options.QueueFrames, $"sent {stalled.FramesSent}");
        Assert.False(healthy.IsClosed);
        Assert.Equal(published, healthy.FramesSent);

        await stop.CancelAsync();
        await Task.WhenAll(stalledRun, healthyRun).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_viewer_that_stops_reading_is_closed_on_time_even_when_no_more_frames_come()
    {
        var pool = new StreamMessagePool();
        var broadcaster = new Broadcaster(new StreamStats());
        var options = new ViewerOptions(QueueFrames: 10, MaxBehind: TimeSpan.FromMilliseconds(600));
        var stalled = new Viewer(WebSocket.CreateFromStream(new StalledStream(acceptedWrites: 2), isServer: true, subProtocol: null, keepAliveInterval: Timeout.InfiniteTimeSpan), "stalled", options, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = stalled.RunAsync(StreamHeader.Create(640, 480), broadcaster.Join, stop.Token);

        // A few frames (fewer than the queue holds), then none: the encoder is restarting.
        for (var i = 0; i < 3; i++)
        {
            var frame = pool.Rent();
            frame.Append(new byte[1000]);
            frame.Complete(isKeyframe: i == 0);
            broadcaster.Publish(frame);
            frame.Release();
            await Task.Delay(10);
        }

        broadcaster.Reset();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!stalled.IsClosed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(stalled.IsClosed, "the viewer that stopped reading was not closed");
        Assert.StartsWith("viewer too slow", stalled.CloseReason);
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
    }

    [Fact]
    public async Task A_viewer_that_never_reads_does_not_lower_the_frame_rate_of_the_others()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Format = new(640, 480, 30), KeyframeInterval = 30, BitrateBitsPerSecond = 4_000_000 });
        using var silent = await RawWebSocketClient.ConnectWithoutReadingAsync(server.Host.HttpPort, "/stream");
        await using var a = await StreamClient.ConnectAsync(server.StreamUri);
        await using var b = await StreamClient.ConnectAsync(server.StreamUri);
        await a.WaitForFramesAsync(30, TimeSpan.FromSeconds(20));
        var startA = a.Frames.Count;
        var startB = b.Frames.Count;
        var published = server.Host.Broadcaster.Stats.Frames;

        await Task.Delay(TimeSpan.FromSeconds(6));

        var producedFrames = server.Host.Broadcaster.Stats.Frames - published;
        Assert.True(producedFrames > 60, $"the encoder produced {producedFrames} frames");
        Assert.InRange(a.Frames.Count - startA, producedFrames - 5, producedFrames + 5);
        Assert.InRange(b.Frames.Count - startB, producedFrames - 5, producedFrames + 5);
        Assert.Equal(3, server.Host.Broadcaster.ViewerCount);
    }
}
