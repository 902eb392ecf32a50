using System.Net;
using System.Net.Sockets;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Web;

/// <summary>Hostile HTTP: each gets the right 4xx, nothing is logged at Error, and a viewer watching throughout is unaffected.</summary>
public sealed class HostileHttpTests(HostileServerFixture fixture) : IClassFixture<HostileServerFixture>
{
    private int Port => fixture.Server.Host.HttpPort;

    [Theory]
    [InlineData("")]
    [InlineData("?")]
    [InlineData("?pan")]
    [InlineData("?pan=")]
    [InlineData("?pan=&tilt=")]
    [InlineData("?pan=abc")]
    [InlineData("?pan=NaN")]
    [InlineData("?pan=Infinity")]
    [InlineData("?tilt=-Infinity")]
    [InlineData("?pan=1e309")]
    [InlineData("?pan=1e1")]
    [InlineData("?pan=0x10")]
    [InlineData("?pan=%D9%A3")]
    [InlineData("?pan=%EF%BC%91")]
    [InlineData("?pan=%2B10")]
    [InlineData("?pan=+10")]
    [InlineData("?pan=%2010")]
    [InlineData("?pan=10%20")]
    [InlineData("?pan=%0910")]
    [InlineData("?pan=10%00")]
    [InlineData("?pan=1.5.5")]
    [InlineData("?pan=.5")]
    [InlineData("?pan=1.")]
    [InlineData("?pan=1.1234567")]
    [InlineData("?pan=--1")]
    [InlineData("?pan=-")]
    [InlineData("?pan=1&pan=2")]
    [InlineData("?tilt=1&tilt=1")]
    [InlineData("?pan=91")]
    [InlineData("?tilt=-91")]
    [InlineData("?pan=2147483648")]
    [InlineData("?pan=99999999999999999999999999")]
    [InlineData("?pan=0000000000000000000000000000000000000000000000000001")]
    public async Task Bad_orient_queries_are_400_with_the_reason(string query)
    {
        using var response = await fixture.Server.Http.GetAsync("/do_orient" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("pan|tilt", await response.Content.ReadAsStringAsync());
        await fixture.AssertStreamUnaffectedAsync();
    }

    [Theory]
    [InlineData("?pan=10")]
    [InlineData("?tilt=-90")]
    [InlineData("?pan=90&tilt=0")]
    [InlineData("?pan=-0&tilt=-5&_=1712345")]
    [InlineData("?pan=12.5")]
    [InlineData("?tilt=-89.999")]
    public async Task Good_orient_queries_reach_the_device_check(string query)
    {
        using var response = await fixture.Server.Http.GetAsync("/do_orient" + query);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task A_huge_query_is_400_and_a_url_beyond_the_limit_is_414()
    {
        using var huge = await fixture.Server.Http.GetAsync("/do_orient?pan=" + new string('1', 7000));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        using var tooLong = await fixture.Server.Http.GetAsync("/do_orient?pan=1&x=" + new string('a', 20_000));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, tooLong.StatusCode);
        var raw = await RawHttp.SendAsync(Port, $"GET /{new string('a', 100_000)} HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Equal(414, RawHttp.StatusOf(raw));
        await fixture.AssertStreamUnaffectedAsync();
    }

    [Theory]
    [InlineData("/../../etc/passwd", 404)]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd", 404)]
    [InlineData("/index.html/..%2F..%2Fetc%2Fpasswd", 404)]
    [InlineData("/%2Findex.html", 404)]
    [InlineData("/index.html%2F", 404)]
    [InlineData("//index.html", 404)]
    [InlineData("/index.html%00", 400)]
    [InlineData("/index.html%00.js", 400)]
    [InlineData("/%c0%ae%c0%ae/etc/passwd", 404)]
    [InlineData("/index.html\0", 400)]
    [InlineData("/in\0dex.html", 400)]
    [InlineData("index.html", 405)]
    [InlineData("http://evil.example/index.html", 400)]
    [InlineData("/index.html?a=\0", 400)]
    public async Task Odd_paths_are_refused(string target, int expected)
    {
        var response = await RawHttp.SendAsync(Port, $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        Assert.Equal(expected, RawHttp.StatusOf(response));
        Assert.DoesNotContain("root:", response);
        await fixture.AssertStreamUnaffectedAsync();
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    [InlineData("TRACE")]
    [InlineData("PROPFIND")]
    public async Task Methods_other_than_get_and_head_are_405(string method)
    {
        var response = await RawHttp.SendAsync(Port, $"{method} /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        Assert.Equal(405, RawHttp.StatusOf(response));
        Assert.Contains("Allow: GET, HEAD", response);
        await fixture.AssertStreamUnaffectedAsync();
    }

    [Fact]
    public async Task Garbage_request_lines_are_400()
    {
        foreach (var request in new[] { "HELLO\r\n\r\n", "GET / HTTP/9.9\r\nHost: x\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", "G\0T / HTTP/1.1\r\n\r\n" })
        {
            var response = await RawHttp.SendAsync(Port, request);
            Assert.InRange(RawHttp.StatusOf(response), 400, 505);
        }

        await fixture.AssertStreamUnaffectedAsync();
    }

    [Fact]
    public async Task Http_1_0_clients_get_the_page_and_the_stream()
    {
        var page = await RawHttp.SendAsync(Port, "GET /index.html HTTP/1.0\r\n\r\n");
        Assert.Equal(200, RawHttp.StatusOf(page));
        Assert.Contains("<canvas id=\"video\"", page);

        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port);
        var stream = client.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes("GET /stream HTTP/1.0\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"));
        var received = new List<byte>();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (System.Text.Encoding.Latin1.GetString(received.ToArray()) is var text && !(text.Contains("\r\n\r\n", StringComparison.Ordinal) && received.Count > text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 14))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0, "closed during the handshake");
            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var response = System.Text.Encoding.Latin1.GetString(received.ToArray());
        Assert.StartsWith("HTTP/1.1 101", response);
        var body = received.Skip(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4).Take(10).ToArray();
        Assert.Equal(new byte[] { 0x82, 0x08, 0x6A, 0x73, 0x6D, 0x70, 0x02, 0x80, 0x01, 0xE0 }, body);
        await fixture.AssertStreamUnaffectedAsync();
    }
}
