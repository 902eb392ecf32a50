using System.Net;
using PiStream.Services.PanTilt;
using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Security;

/// <summary>--read-only refuses the control routes; --max-viewers refuses one viewer too many; the startup warning.</summary>
public sealed class ReadOnlyAndViewerLimitTests
{
    [Theory]
    [InlineData("GET", "/do_orient?pan=10&tilt=-5", HttpStatusCode.Forbidden)]
    [InlineData("HEAD", "/do_orient", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/DO_ORIENT?pan=1", HttpStatusCode.Forbidden)]
    [InlineData("POST", "/api/orientation", HttpStatusCode.MethodNotAllowed)]
    [InlineData("PUT", "/api/orientation", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/orientation", HttpStatusCode.ServiceUnavailable)]
    [InlineData("GET", "/api/status", HttpStatusCode.OK)]
    [InlineData("GET", "/index.html", HttpStatusCode.OK)]
    public async Task Read_only_refuses_every_control_route_and_nothing_else(string method, string path, HttpStatusCode expected)
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Access = AccessSettings.Open with { ReadOnly = true } });
        using var response = await server.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden && method != "HEAD")
        {
            Assert.Contains("read-only", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Read_only_viewers_still_watch()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Access = AccessSettings.Open with { ReadOnly = true } });
        await using var viewer = await StreamClient.ConnectAsync(server.StreamUri);
        await viewer.WaitForFramesAsync(5, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task One_viewer_too_many_gets_503_and_the_others_keep_watching()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Access = AccessSettings.Open with { MaxViewers = 2 } });
        await using var first = await StreamClient.ConnectAsync(server.StreamUri);
        var second = await StreamClient.ConnectAsync(server.WebSocketPortUri);
        await first.WaitForFramesAsync(3, TimeSpan.FromSeconds(20));
        await second.WaitForFramesAsync(3, TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await WebSocketProbe.StatusAsync(server.StreamUri));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await WebSocketProbe.StatusAsync(server.WebSocketPortUri));
        using var refusal = await server.Http.SendAsync(UpgradeRequest());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refusal.StatusCode);
        Assert.Equal("Viewer limit reached (2): raise --max-viewers on the server, or try again later.\n", await refusal.Content.ReadAsStringAsync());
        Assert.Equal("10", refusal.Headers.RetryAfter?.ToString());
        using (var page = await server.Http.GetAsync("/index.html"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var before = first.Frames.Count;
        await first.WaitForFramesAsync(before + 5, TimeSpan.FromSeconds(20));
        await second.DisposeAsync();
        await WaitUntilAsync(() => server.Host.Broadcaster.ViewerCount == 1);
        await using var third = await StreamClient.ConnectAsync(server.StreamUri);
        await third.WaitForFramesAsync(3, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Startup_warns_when_anyone_can_move_the_camera_and_not_when_locked_down()
    {
        var movable = TestServer.Settings with { PanTilt = new PanTiltSettings(PanTiltMode.Sim, PanTiltHatOptions.Default) };
        using var open = new RecordingLoggerProvider();
        await using (await TestServer.StartAsync(movable, loggerFactory: open.CreateFactory()))
        {
        }

        using var locked = new RecordingLoggerProvider();
        var users = new UserStore(new Dictionary<string, PasswordHash> { ["a"] = UserStore.PlainPassword("b") });
        await using (await TestServer.StartAsync(movable with { Access = AccessSettings.Open with { Users = users } }, loggerFactory: locked.CreateFactory()))
        {
        }

        using var readOnly = new RecordingLoggerProvider();
        await using (await TestServer.StartAsync(movable with { Access = AccessSettings.Open with { ReadOnly = true } }, loggerFactory: readOnly.CreateFactory()))
        {
        }

        using var fixedCamera = new RecordingLoggerProvider();
        await using (await TestServer.StartAsync(loggerFactory: fixedCamera.CreateFactory()))
        {
        }

        Assert.Contains(open.Entries, entry => entry.Level == Microsoft.Extensions.Logging.LogLevel.Warning && entry.Message.Contains("move it", StringComparison.Ordinal) && entry.Message.Contains("--auth", StringComparison.Ordinal));
        Assert.DoesNotContain(locked.Entries, entry => entry.Message.Contains("move it", StringComparison.Ordinal));
        Assert.DoesNotContain(readOnly.Entries, entry => entry.Message.Contains("move it", StringComparison.Ordinal));
        Assert.DoesNotContain(fixedCamera.Entries, entry => entry.Message.Contains("move it", StringComparison.Ordinal));
        Assert.Contains(fixedCamera.Entries, entry => entry.Message.Contains("can watch the camera", StringComparison.Ordinal));
    }

    private static HttpRequestMessage UpgradeRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/stream");
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        request.Headers.Add("Sec-WebSocket-Version", "13");
        return request;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "condition not met within 20 s");
            await Task.Delay(20);
        }
    }
}
