using System.Net.Sockets;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Web;

/// <summary>Slowloris and friends: clients that send nothing, blank lines, or headers a byte at a time are dropped; the stream goes on.</summary>
public sealed class SlowClientTests(HostileServerFixture fixture) : IClassFixture<HostileServerFixture>
{
    private int Port => fixture.Server.Host.HttpPort;

    [Fact]
    public async Task Slow_and_silent_clients_are_dropped_after_the_header_timeout()
    {
        var silent = Enumerable.Range(0, 10).Select(_ => HoldAsync(Array.Empty<byte>(), TimeSpan.Zero));
        var slowloris = Enumerable.Range(0, 10).Select(_ => HoldAsync(System.Text.Encoding.ASCII.GetBytes("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + new string('a', 200)), TimeSpan.FromMilliseconds(300)));
        var blankLines = Enumerable.Range(0, 5).Select(_ => HoldAsync(System.Text.Encoding.ASCII.GetBytes("\r\n\r\n\r\n"), TimeSpan.Zero));
        var halfHandshake = Enumerable.Range(0, 10).Select(_ => HoldAsync(System.Text.Encoding.ASCII.GetBytes("GET /stream HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"), TimeSpan.Zero));

        var closed = await Task.WhenAll(silent.Concat(blankLines).Concat(slowloris).Concat(halfHandshake));

        Assert.All(closed, Assert.True);
        Assert.Equal(1, fixture.Server.Host.Broadcaster.ViewerCount);
        await fixture.AssertStreamUnaffectedAsync();
    }

    /// <summary>Sends <paramref name="bytes"/> one at a time, <paramref name="gap"/> apart (all at once when zero), then waits; true when the server closed the connection.</summary>
    private async Task<bool> HoldAsync(byte[] bytes, TimeSpan gap)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port);
        var stream = client.GetStream();
        var limit = HostileServerFixture.HeaderTimeout * 15;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            if (gap == TimeSpan.Zero)
            {
                await stream.WriteAsync(bytes);
            }
            else
            {
                foreach (var b in bytes)
                {
                    await stream.WriteAsync(new[] { b });
                    await Task.Delay(gap);
                    if (clock.Elapsed > limit)
                    {
                        return false;
                    }
                }
            }

            var rest = await RawHttp.ReadToCloseAsync(stream, limit);
            return rest.Length == 0 || RawHttp.StatusOf(rest) == 408;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
