using System.Net.Sockets;
using System.Net.WebSockets;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Web;

/// <summary>Hostile WebSocket clients: chatty, garbage-sending, and a thousand that open and drop. The witness viewer is unaffected.</summary>
public sealed class HostileWebSocketTests(HostileServerFixture fixture) : IClassFixture<HostileServerFixture>
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_viewer_that_sends_a_little_is_ignored_and_keeps_watching()
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(fixture.Server.StreamUri, CancellationToken.None);
        for (var i = 0; i < 50; i++)
        {
            await socket.SendAsync("hello"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
            await socket.SendAsync(new byte[1000], WebSocketMessageType.Binary, i % 2 == 0, CancellationToken.None);
        }

        var messages = await ReceiveAsync(socket, 20);
        Assert.Equal(20, messages);
        Assert.Equal(WebSocketState.Open, socket.State);
        await fixture.AssertStreamUnaffectedAsync();
    }

    [Fact]
    public async Task A_viewer_that_sends_too_much_is_closed_with_policy_violation()
    {
        await using var chatty = await StreamClient.ConnectAsync(fixture.Server.StreamUri);
        var chunk = new byte[64 * 1024];
        try
        {
            for (var sent = 0; sent < 4 << 20 && !chatty.Completion.IsCompleted; sent += chunk.Length)
            {
                await chatty.SendAsync(chunk);
            }
        }
        catch (WebSocketException)
        {
            // The server closed while we were still sending.
        }

        await chatty.Completion.WaitAsync(Generous);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, chatty.CloseStatus);
        Assert.Contains("must not send", chatty.CloseDescription);
        await fixture.AssertStreamUnaffectedAsync();
    }

    [Fact]
    public async Task A_client_that_floods_pings_is_cut_off_because_every_byte_counts()
    {
        using var client = await RawWebSocketClient.ConnectWithoutReadingAsync(fixture.Server.Host.HttpPort, "/stream");
        var stream = client.GetStream();
        var draining = DrainAsync(stream); // read the video and the pongs, so the server is never held up by us
        var pings = new MemoryStream();
        while (pings.Length < 64 * 1024)
        {
            pings.Write([0x89, 0x80 | 125, 1, 2, 3, 4]); // FIN + ping, masked, 125 bytes
            pings.Write(new byte[125]);
        }

        var sent = 0L;
        try
        {
            while (sent < 8 << 20 && !draining.IsCompleted)
            {
                await stream.WriteAsync(pings.ToArray());
                sent += pings.Length;
            }
        }
        catch (IOException)
        {
            // The server cut the connection while we were still sending.
        }

        await draining.WaitAsync(Generous);
        Assert.True(sent >= 1 << 20, $"cut off after only {sent} bytes");
        await fixture.AssertStreamUnaffectedAsync();
    }

    [Theory]
    [InlineData(new byte[] { 0x82, 0x05, 1, 2, 3, 4, 5 })]
    [InlineData(new byte[] { 0x8F, 0x80, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x82, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4 })]
    [InlineData(new byte[] { 0x09, 0x80, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x88, 0xFE, 0x01, 0x00, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x47, 0x45, 0x54, 0x20, 0x2F, 0x20, 0x48, 0x54, 0x54, 0x50, 0x0D, 0x0A })]
    public async Task Garbage_frames_close_that_connection_only(byte[] garbage)
    {
        using var client = await RawWebSocketClient.ConnectWithoutReadingAsync(fixture.Server.Host.HttpPort, "/stream");
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(garbage);
            await stream.WriteAsync(new byte[4096]);
        }
        catch (IOException)
        {
            // Already closed by the server: what this test wants.
        }

        await RawHttp.ReadToCloseAsync(stream, Generous);
        await WaitForViewersAsync(1);
        await fixture.AssertStreamUnaffectedAsync();
    }

    [Fact]
    public async Task A_thousand_viewers_that_open_and_drop_leave_nothing_behind()
    {
        for (var i = 0; i < 1000; i++)
        {
            var port = i % 2 == 0 ? fixture.Server.Host.HttpPort : fixture.Server.Host.WebSocketPort;
            using var client = await RawWebSocketClient.ConnectWithoutReadingAsync(port, i % 2 == 0 ? "/stream" : "/");
            if (i % 3 == 0)
            {
                client.LingerState = new LingerOption(true, 0);
            }
        }

        await WaitForViewersAsync(1);
        Assert.Equal(1, fixture.Server.Host.Broadcaster.ViewerCount);
        await fixture.AssertStreamUnaffectedAsync();
    }

    private async Task WaitForViewersAsync(int count)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (fixture.Server.Host.Broadcaster.ViewerCount != count)
        {
            Assert.True(clock.Elapsed < Generous, $"{fixture.Server.Host.Broadcaster.ViewerCount} viewers, expected {count}");
            await Task.Delay(20);
        }
    }

    /// <summary>Reads until the server ends the connection.</summary>
    private static async Task DrainAsync(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (IOException)
        {
            // Reset by the server: ended too.
        }
    }

    private static async Task<int> ReceiveAsync(ClientWebSocket socket, int count)
    {
        var buffer = new byte[1 << 20];
        using var timeout = new CancellationTokenSource(Generous);
        for (var i = 0; i < count; i++)
        {
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
            }
            while (!result.EndOfMessage);
        }

        return count;
    }
}
