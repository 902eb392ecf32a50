using System.Net;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Web;

/// <summary>pistreaming's HTTP behaviour, against a real server.</summary>
public sealed class HttpRoutesTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Root_redirects_to_the_page()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = _server.Http.BaseAddress };
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/index.html", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Index_is_the_page_with_the_player()
    {
        using var response = await _server.Http.GetAsync("/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<canvas id=\"video\"", html);
        Assert.Contains("src=\"/player-webcodecs.js\"", html);
        Assert.Contains("src=\"/player-mse.js\"", html);
        Assert.Contains("src=\"/player-jsmpeg.js\"", html);
        Assert.Contains("name=\"viewport\"", html);
    }

    [Theory]
    [InlineData("/jsmpg.js", "node_modules/@cycjimmy/jsmpeg-player/dist/jsmpeg-player.umd.min.js")]
    [InlineData("/jmuxer.js", "node_modules/jmuxer/dist/jmuxer.min.js")]
    public async Task Player_scripts_are_served_verbatim_from_the_npm_packages(string path, string package)
    {
        using var response = await _server.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/javascript", response.Content.Headers.ContentType?.MediaType);
        var served = await response.Content.ReadAsByteArrayAsync();
        var packaged = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Path, package));
        Assert.Equal(packaged, served);
    }

    [Fact]
    public async Task Do_orient_without_a_device_is_503_with_the_fix()
    {
        using var response = await _server.Http.GetAsync("/do_orient?pan=10&tilt=-5");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Pan-Tilt HAT", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Status_reports_the_stream()
    {
        await using var viewer = await StreamClient.ConnectAsync(_server.StreamUri);
        await viewer.WaitForFramesAsync(30, TimeSpan.FromSeconds(20));
        using var document = System.Text.Json.JsonDocument.Parse(await _server.Http.GetStringAsync("/api/status"));
        var status = document.RootElement;
        Assert.Equal("test pattern", status.GetProperty("source").GetString());
        Assert.Equal(640, status.GetProperty("width").GetInt32());
        Assert.Equal(480, status.GetProperty("height").GetInt32());
        Assert.Equal(1, status.GetProperty("viewers").GetInt32());
        Assert.InRange(status.GetProperty("fps").GetDouble(), 1, 36);
        Assert.True(status.GetProperty("bitrateKbps").GetDouble() > 100);
        Assert.True(status.GetProperty("uptimeSeconds").GetDouble() > 0);
        Assert.Equal(0, status.GetProperty("encoderRestarts").GetInt32());
        Assert.False(status.GetProperty("readOnly").GetBoolean());
    }

    [Theory]
    [InlineData("/nope")]
    [InlineData("/index.htm")]
    [InlineData("/../etc/passwd")]
    public async Task Anything_else_is_404(string path)
    {
        using var response = await _server.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/index.html")]
    [InlineData("/jsmpg.js")]
    [InlineData("/api/status")]
    [InlineData("/nope")]
    public async Task Head_answers_like_get_without_a_body(string path)
    {
        using var get = await _server.Http.GetAsync(path);
        using var head = await _server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        if (path != "/api/status")
        {
            Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        }

        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("POST", "/index.html")]
    [InlineData("PUT", "/")]
    [InlineData("DELETE", "/do_orient")]
    [InlineData("OPTIONS", "/nope")]
    [InlineData("PATCH", "/api/status")]
    public async Task Other_methods_are_405_with_allow(string method, string path)
    {
        using var response = await _server.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD", response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : string.Join(", ", response.Headers.GetValues("Allow")));
    }

    [Theory]
    [InlineData("/index.html")]
    [InlineData("/jsmpg.js")]
    public async Task Assets_carry_an_etag_and_answer_304_while_unchanged(string path)
    {
        using var first = await _server.Http.GetAsync(path);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
        revalidate.Headers.IfNoneMatch.Add(etag);
        using var cached = await _server.Http.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        Assert.Equal(etag, cached.Headers.ETag);
        Assert.Empty(await cached.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"older\""));
        using var changed = await _server.Http.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal((await first.Content.ReadAsByteArrayAsync()).Length, (await changed.Content.ReadAsByteArrayAsync()).Length);
    }

    [Theory]
    [InlineData("/index.html", HttpStatusCode.NotFound)]
    [InlineData("/api/status", HttpStatusCode.NotFound)]
    [InlineData("/stream", HttpStatusCode.NotFound)]
    public async Task The_websocket_port_serves_nothing_but_the_stream(string path, HttpStatusCode expected)
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync($"http://127.0.0.1:{_server.Host.WebSocketPort}{path}");
        Assert.Equal(expected, response.StatusCode);
        using var post = await client.PostAsync($"http://127.0.0.1:{_server.Host.WebSocketPort}/", new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Fact]
    public async Task Plain_http_on_the_websocket_port_says_where_the_page_is()
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync($"http://127.0.0.1:{_server.Host.WebSocketPort}/");
        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Contains("/index.html", await response.Content.ReadAsStringAsync());
    }
}
