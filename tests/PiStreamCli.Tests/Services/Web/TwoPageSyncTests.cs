using Microsoft.Playwright;
using PiStream.Services.PanTilt;
using PiStream.Tests.Services.PanTilt;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Web;

/// <summary>
/// Two real Chromium pages on one server (real Kestrel, the simulated HAT): what one page changes (lights, presets,
/// where the camera points) the other shows without reloading.
/// </summary>
public sealed class TwoPageSyncTests
{
    private const float Patience = 30_000;

    [Fact]
    public async Task Lights_presets_and_moves_made_on_one_page_show_on_the_other()
    {
        using var state = new TempFolder();
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim, settings: TestServer.Settings with { Presets = new(state.Path) });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var url = $"http://127.0.0.1:{server.Host.HttpPort}/index.html?canvas2d";
        var acting = await OpenAsync(browser, url);
        var watching = await OpenAsync(browser, url);
        await watching.EvaluateAsync("() => { window.marker = 'same page'; }");
        try
        {
            await ActAndWatchAsync(server, acting, watching);
        }
        catch (Exception e) when (e.Message.Contains("Timeout", StringComparison.Ordinal))
        {
            await acting.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "two-pages-failed-acting.png") });
            await watching.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "two-pages-failed-watching.png") });
            const string State = "() => JSON.stringify({ decoded: window.pistream.framesDecoded, connection: window.pistream.connection, white: document.getElementById('light-white').value, swatch: document.querySelector('#light-pixels .swatch').title, pan: document.getElementById('pan').value, presets: document.getElementById('preset-list').textContent })";
            throw new InvalidOperationException($"acting {await acting.EvaluateAsync<string>(State)}; watching {await watching.EvaluateAsync<string>(State)}; status {await server.Http.GetStringAsync("api/status")}", e);
        }

        Assert.Equal("same page", await watching.EvaluateAsync<string>("() => window.marker")); // never reloaded
    }

    private static async Task ActAndWatchAsync(PanTiltServer server, IPage acting, IPage watching)
    {
        // Lights: the acting page sets every pixel's white level, then pixel 2 orange.
        await acting.Locator("#lights").EvaluateAsync("(panel) => { panel.open = true; }");
        await acting.Locator("#light-white").EvaluateAsync("(input) => { input.value = '200'; input.dispatchEvent(new Event('input')); }");
        await PageWait.UntilAsync(watching, "() => document.getElementById('light-white').value === '200' && document.querySelector('#light-pixels .swatch').title === 'pixel 0: 0,0,0,200'");
        await acting.Locator("#light-index").SelectOptionAsync("2");
        await acting.Locator("#light-colour").EvaluateAsync("(input) => { input.value = '#ff8000'; input.dispatchEvent(new Event('input')); }");
        await PageWait.UntilAsync(watching, "() => document.querySelectorAll('#light-pixels .swatch')[2].title === 'pixel 2: 255,128,0,200'");

        // Moves: the acting page drags the pan slider and nudges with the keyboard; the watching page's sliders follow.
        await acting.Locator("#pan").EvaluateAsync("(input) => { input.value = '30'; input.dispatchEvent(new Event('input')); }");
        await acting.Locator("#video").FocusAsync();
        await acting.Keyboard.PressAsync("Shift+ArrowUp");
        await server.WaitForMoveAsync(new Orientation(30, 10));
        await PageWait.UntilAsync(watching, "() => document.getElementById('pan').value === '30' && document.getElementById('tilt').value === '10'");

        // Presets: saved on the acting page, a button appears on the watching one; deleted, it goes again.
        await acting.Locator("#preset-name").FillAsync("door");
        await acting.Locator("#preset-save button").ClickAsync();
        var button = watching.Locator("#preset-list button", new() { HasText = "door" });
        await button.WaitForAsync(new() { Timeout = Patience });
        Assert.Equal("pan 30, tilt 10", await button.GetAttributeAsync("title"));
        await Screenshots.TakeAsync(watching, "two-pages-watching");
        await acting.Locator("button[aria-label='Delete preset door']").ClickAsync();
        await PageWait.UntilAsync(watching, "() => document.querySelectorAll('#preset-list button').length === 0");
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, string url)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);
        await page.Locator("#presets").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Patience });
        await PageWait.UntilAsync(page, "() => window.pistream.connection === 'live' && document.querySelectorAll('#light-pixels .swatch').length === 8");
        return page;
    }
}
