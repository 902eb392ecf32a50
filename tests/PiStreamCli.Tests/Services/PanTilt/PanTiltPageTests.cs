using Microsoft.Playwright;
using PiStream.Services.PanTilt;
using PiStream.Services.Security;
using PiStream.Tests.Support;
using Xunit;

namespace PiStream.Tests.Services.PanTilt;

/// <summary>The page's sliders in headless Chromium: keyboard moves in one page are pushed to another.</summary>
public sealed class PanTiltPageTests
{
    private const float Patience = 15_000;

    [Fact]
    public async Task Moving_the_sliders_in_one_page_moves_them_in_a_second_page()
    {
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var url = $"http://127.0.0.1:{server.Host.HttpPort}/index.html";
        var first = await OpenAsync(browser, url);
        var second = await OpenAsync(browser, url);
        Assert.Equal("pan-tilt: simulated", await second.Locator("#pantilt").TextContentAsync());
        await second.RouteAsync("**/api/status", route => route.AbortAsync()); // so only the WebSocket push can move its sliders

        await first.Locator("#pan").FocusAsync();
        for (var i = 0; i < 5; i++)
        {
            await first.Keyboard.PressAsync("ArrowRight");
        }

        await first.Locator("#tilt").FocusAsync();
        for (var i = 0; i < 3; i++)
        {
            await first.Keyboard.PressAsync("ArrowUp");
        }

        await second.WaitForFunctionAsync("() => document.getElementById('pan').value === '5' && document.getElementById('tilt').value === '3'", null, new() { Timeout = Patience });
        Assert.Equal("""{"pan":5,"tilt":3}""", await server.Http.GetStringAsync("api/orientation"));
        await server.WaitForMoveAsync(new Orientation(5, 3));
    }

    [Fact]
    public async Task A_read_only_server_shows_the_sliders_but_disables_them()
    {
        var settings = TestServer.Settings with
        {
            PanTilt = new PanTiltSettings(PanTiltMode.Sim, PanTiltHatOptions.Default),
            Access = AccessSettings.Open with { ReadOnly = true },
        };
        await using var server = await TestServer.StartAsync(settings);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await OpenAsync(browser, $"http://127.0.0.1:{server.Host.HttpPort}/index.html");

        await page.WaitForFunctionAsync("() => document.getElementById('pan').disabled", null, new() { Timeout = Patience });
        Assert.True(await page.Locator("#pan").IsVisibleAsync());
        Assert.True(await page.Locator("#tilt").IsDisabledAsync());
        Assert.Contains("read-only", await page.Locator("#pan").GetAttributeAsync("title"));
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, string url)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);
        await page.Locator("#pan").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Patience });
        await page.Locator("#tilt").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Patience });
        await page.WaitForFunctionAsync("() => window.pistream.connection === 'live'", null, new() { Timeout = Patience });
        return page;
    }
}
