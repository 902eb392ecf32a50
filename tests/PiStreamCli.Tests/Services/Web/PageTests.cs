using Microsoft.Playwright;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Web;

/// <summary>The page in real headless Chromium: it plays the stream, shows status, and survives a server restart.</summary>
public sealed class PageTests : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync() => (_playwright, _browser) = await Browser.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task Opening_root_plays_moving_video_and_reports_decoded_frames()
    {
        await using var server = await TestServer.StartAsync();
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 800, Height = 700 } });
        await page.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/");

        Assert.EndsWith("/index.html", page.Url);
        await page.WaitForFunctionAsync("() => window.pistream && window.pistream.framesDecoded > 10", null, new() { Timeout = 30_000 });
        var first = await page.Locator("#video").ScreenshotAsync();
        await page.WaitForFunctionAsync($"() => window.pistream.framesDecoded > {await Decoded(page) + 5}", null, new() { Timeout = 30_000 });
        var second = await page.Locator("#video").ScreenshotAsync();

        Assert.NotEqual(first, second);
        Assert.Equal(640, await page.EvaluateAsync<int>("() => window.pistream.width"));
        Assert.Equal(480, await page.EvaluateAsync<int>("() => window.pistream.height"));
        await page.WaitForFunctionAsync("() => document.getElementById('viewers').textContent === '1 viewer'", null, new() { Timeout = 10_000 });
        Assert.Equal("live", await page.Locator("#connection").GetAttributeAsync("data-state"));
        Assert.False(await page.Locator("#pan").IsVisibleAsync(), "no pan-tilt device, no sliders");
    }

    [Fact]
    public async Task The_page_fits_a_phone_screen()
    {
        await using var server = await TestServer.StartAsync();
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, DeviceScaleFactor = 3, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/");
        await page.WaitForFunctionAsync("() => window.pistream.framesDecoded > 3", null, new() { Timeout = 30_000 });

        var box = await page.Locator("#video").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390.5, $"video spans {box.X}..{box.X + box.Width}");
        Assert.True(box.Width > 300, $"video is {box.Width} px wide");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
    }

    [Fact]
    public async Task The_page_reconnects_by_itself_after_a_server_restart()
    {
        var settings = TestServer.Settings with { Port = FreePorts.Free() };
        var server = await TestServer.StartAsync(settings);
        var page = await _browser.NewPageAsync();
        await page.GotoAsync($"http://127.0.0.1:{settings.Port}/");
        await page.WaitForFunctionAsync("() => window.pistream.framesDecoded > 3", null, new() { Timeout = 30_000 });

        await server.DisposeAsync();
        await page.WaitForFunctionAsync("() => window.pistream.connection !== 'live'", null, new() { Timeout = 10_000 });
        var before = await Decoded(page);
        await using var restarted = await TestServer.StartAsync(settings);

        await page.WaitForFunctionAsync($"() => window.pistream.connection === 'live' && window.pistream.framesDecoded > {before + 10}", null, new() { Timeout = 30_000 });
    }

    private static Task<int> Decoded(IPage page) => page.EvaluateAsync<int>("() => window.pistream.framesDecoded");
}
