using System.Net.WebSockets;
using PiStream.Services.Broadcast;

namespace PiStream.Tests.Services.Broadcast;

/// <summary>Other consumers of the encoded stream (publishers) subscribe to the broadcaster: every video frame, no text events, until they leave.</summary>
public sealed class BroadcasterTapTests
{
    [Fact]
    public void A_tap_gets_every_video_frame_and_no_text_until_it_leaves()
    {
        var pool = new StreamMessagePool();
        var broadcaster = new Broadcaster(new StreamStats());
        var seen = new List<(byte First, bool Keyframe)>();
        var subscription = broadcaster.Subscribe(frame => seen.Add((frame.Data.Span[0], frame.IsKeyframe)));

        Publish(broadcaster, pool, 1, keyframe: true);
        Publish(broadcaster, pool, 2, keyframe: false);
        var text = pool.Rent();
        text.Append("{}"u8);
        text.Complete(false, WebSocketMessageType.Text);
        broadcaster.PublishText(text);
        text.Release();
        subscription.Dispose();
        subscription.Dispose();
        Publish(broadcaster, pool, 3, keyframe: true);

        Assert.Equal([(1, true), (2, false)], seen);
    }

    [Fact]
    public void A_tap_that_keeps_a_frame_holds_it_until_it_releases_it()
    {
        var pool = new StreamMessagePool();
        var broadcaster = new Broadcaster(new StreamStats(), maxGopFrames: 0);
        StreamMessage? kept = null;
        using var subscription = broadcaster.Subscribe(frame =>
        {
            frame.AddReference();
            kept = frame;
        });

        Publish(broadcaster, pool, 7, keyframe: true);
        var next = pool.Rent();

        Assert.NotNull(kept);
        Assert.NotSame(kept, next);
        Assert.Equal(7, kept.Data.Span[0]);
        kept.Release();
        next.Release();
        Assert.Same(kept, pool.Rent());
    }

    private static void Publish(Broadcaster broadcaster, StreamMessagePool pool, byte first, bool keyframe)
    {
        var frame = pool.Rent();
        frame.Append([first, 0, 0]);
        frame.Complete(keyframe);
        broadcaster.Publish(frame);
        frame.Release();
    }
}
