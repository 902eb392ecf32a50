using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Publish;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Publish;

public sealed class PublishTargetStateTests
{
    private static readonly PublishTarget Target = new("rtmp://user:secret@server/live/streamkey", PublishScheme.Rtmp);

    [Fact]
    public void A_new_target_is_connecting_since_it_was_made()
    {
        var clock = new ManualClock();
        var state = new PublishTargetState(Target, clock, NullLogger.Instance);

        var status = state.Status(0);

        Assert.Equal(new PublishTargetStatus("rtmp://user:***@server/live/***", "connecting", clock.GetUtcNow(), 0, 0, 0), status);
    }

    [Fact]
    public void Bytes_make_it_live_and_a_later_comeback_counts_as_a_reconnect()
    {
        var clock = new ManualClock();
        var state = new PublishTargetState(Target, clock, NullLogger.Instance);

        state.Attempting();
        clock.Advance(TimeSpan.FromSeconds(2));
        state.Sent(0);
        Assert.Equal("connecting", state.Status(0).State);
        state.Sent(1000);
        var liveAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(5));
        state.Sent(5000);
        Assert.Equal(new PublishTargetStatus("rtmp://user:***@server/live/***", "live", liveAt, 5000, 0, 0), state.Status(0));

        state.Failed("ffmpeg exited (1)", PublishBackoff.Delay(1));
        var retryingAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(1));
        state.Attempting();
        Assert.Equal(new PublishTargetStatus("rtmp://user:***@server/live/***", "retrying", retryingAt, 5000, 0, 3), state.Status(3));

        state.Sent(700);
        Assert.Equal(new PublishTargetStatus("rtmp://user:***@server/live/***", "live", clock.GetUtcNow(), 5700, 1, 0), state.Status(0));
    }

    [Fact]
    public void Each_change_is_logged_once_and_never_with_the_secret()
    {
        using var logs = new RecordingLoggerProvider();
        using var factory = logs.CreateFactory();
        var clock = new ManualClock();
        var state = new PublishTargetState(Target, clock, factory.CreateLogger("publish"));

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            state.Attempting();
            state.Failed("Connection refused", PublishBackoff.Delay(attempt));
            clock.Advance(PublishBackoff.Delay(attempt));
        }

        state.Attempting();
        state.Sent(100);
        state.Sent(200);
        state.Sent(300);

        var messages = logs.Entries.Select(entry => entry.Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.StartsWith("Publishing to rtmp://user:***@server/live/*** stopped: Connection refused. Retrying in 1 s", messages[0]);
        Assert.Equal("Publishing to rtmp://user:***@server/live/***: live", messages[1]);
        Assert.All(messages, message => Assert.DoesNotContain("secret", message));
        Assert.All(messages, message => Assert.DoesNotContain("streamkey", message));
    }
}
