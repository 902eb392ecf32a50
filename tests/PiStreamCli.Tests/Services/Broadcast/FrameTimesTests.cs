using System.Net.WebSockets;
using PiStream.Services.Broadcast;

namespace PiStream.Tests.Services.Broadcast;

/// <summary>The benchmark frame times (<c>serve --bench-timestamps</c>): exact text, and sent before each frame.</summary>
public sealed class FrameTimesTests
{
    [Fact]
    public void Message_is_unix_milliseconds_with_three_decimals()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_795_000_000_123).AddTicks(4_560);
        var message = new FrameTimes(new StreamMessagePool(), new FixedTime(at)).Create();

        Assert.Equal(WebSocketMessageType.Text, message.MessageType);
        Assert.Equal("{\"t\":1795000000123.456}", System.Text.Encoding.UTF8.GetString(message.Data.Span));
    }

    [Fact]
    public void Whole_milliseconds_keep_their_zeros()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_795_000_000_000).AddTicks(70);
        var message = new FrameTimes(new StreamMessagePool(), new FixedTime(at)).Create();

        Assert.Equal("{\"t\":1795000000000.007}", System.Text.Encoding.UTF8.GetString(message.Data.Span));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
