using System.Net.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Broadcast;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Broadcast;

/// <summary>A page that falls behind on video still gets every state change (lights, presets): text events are never dropped for video.</summary>
public sealed class TextEventTests
{
    [Fact]
    public async Task A_text_event_offered_to_a_full_queue_and_one_queued_before_a_skip_both_arrive()
    {
        var pool = new StreamMessagePool();
        var broadcaster = new Broadcaster(new StreamStats());
        var options = new ViewerOptions(QueueFrames: 4, MaxBehind: TimeSpan.FromSeconds(30));
        var network = new StalledStream(acceptedWrites: 1, keepWritten: true); // the header, then the page stops reading
        using var viewer = new Viewer(WebSocket.CreateFromStream(network, isServer: true, subProtocol: null, keepAliveInterval: Timeout.InfiniteTimeSpan), "slow page", options, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = viewer.RunAsync(StreamHeader.Create(640, 480), broadcaster.Join, stop.Token);
        await WaitUntilAsync(() => viewer.HasJoined);

        Publish(pool, broadcaster, keyframe: true);
        PublishText(pool, broadcaster, """{"type":"lights","n":1}"""); // queued, then dropped with the video when the viewer skips ahead
        for (var i = 0; i < 8; i++)
        {
            Publish(pool, broadcaster, keyframe: false); // fills the queue
        }

        PublishText(pool, broadcaster, """{"type":"presets","n":2}"""); // the queue is full
        Publish(pool, broadcaster, keyframe: true); // the viewer skips ahead to here
        Assert.True(viewer.FramesSkipped > 0, "the viewer did not fall behind");
        network.Resume();
        await WaitUntilAsync(() => System.Text.Encoding.UTF8.GetString(network.Written).Contains("\"n\":2", StringComparison.Ordinal));

        var written = System.Text.Encoding.UTF8.GetString(network.Written);
        Assert.Contains("""{"type":"lights","n":1}""", written);
        Assert.Contains("""{"type":"presets","n":2}""", written);
        Assert.False(viewer.IsClosed);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static void Publish(StreamMessagePool pool, Broadcaster broadcaster, bool keyframe)
    {
        var frame = pool.Rent();
        frame.Append(new byte[1000]);
        frame.Complete(keyframe);
        broadcaster.Publish(frame);
        frame.Release();
    }

    private static void PublishText(StreamMessagePool pool, Broadcaster broadcaster, string json)
    {
        var message = pool.Rent();
        message.Append(System.Text.Encoding.UTF8.GetBytes(json));
        message.Complete(false, WebSocketMessageType.Text);
        broadcaster.PublishText(message);
        message.Release();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
