using Microsoft.Playwright;
using PiStream.Services.Lights;
using PiStream.Services.PanTilt;
using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Lights;

/// <summary>The page's light panel in headless Chromium: only with a HAT, disabled when read-only, in sync across pages.</summary>
public sealed class LightsPageTests
{
    private const float Patience = 30_000;

    [Fact]
    public async Task Setting_the_white_level_for_all_pixels_and_a_colour_for_one_lights_the_hat()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { PanTilt = new PanTiltSettings(PanTiltMode.Sim, PanTiltHatOptions.Default) });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var url = $"http://127.0.0.1:{server.Host.HttpPort}/index.html";
        var first = await OpenAsync(browser, url);

        await first.Locator("#lights").EvaluateAsync("(panel) => { panel.open = true; }");
        await first.Locator("#light-white").EvaluateAsync("(input) => { input.value = '200'; input.dispatchEvent(new Event('input')); }");

        await WaitForLightsAsync(server, Enumerable.Repeat(new LightColor(0, 0, 0, 200), 8).ToArray());
        await first.WaitForFunctionAsync("() => document.querySelector('#light-pixels .swatch').title === 'pixel 0: 0,0,0,200'", null, new() { Timeout = Patience });
        var shown = new byte[PanTiltHat.LightBufferLength];
        server.Host.PanTilt!.Hat.ReadLights(shown);
        Assert.Equal(new byte[] { 0, 0, 0, 200, 0, 0, 0, 200 }, shown[..8]); // g,r,b,w bytes on the HAT

        await first.Locator("#light-index").SelectOptionAsync("2");
        await first.Locator("#light-colour").EvaluateAsync("(input) => { input.value = '#ff8000'; input.dispatchEvent(new Event('input')); }");
        await WaitForLightsAsync(server, [.. Enumerable.Repeat(new LightColor(0, 0, 0, 200), 2), new LightColor(255, 128, 0, 200), .. Enumerable.Repeat(new LightColor(0, 0, 0, 200), 5)]);
        await Screenshots.TakeAsync(first, "lights-panel");
    }

    [Fact]
    public async Task Without_a_hat_there_is_no_light_panel()
    {
        await using var server = await TestServer.StartAsync();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/index.html");
        await page.WaitForFunctionAsync("() => window.pistream.status !== undefined", null, new() { Timeout = Patience });

        Assert.False(await page.Locator("#lights").IsVisibleAsync());
        Assert.False(await page.Locator("#presets").IsVisibleAsync());
        await Screenshots.TakeAsync(page, "no-hat");
    }

    [Fact]
    public async Task A_read_only_server_shows_the_panel_disabled()
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

        await page.WaitForFunctionAsync("() => document.getElementById('light-white').disabled", null, new() { Timeout = Patience });
        await page.Locator("#lights").EvaluateAsync("(panel) => { panel.open = true; }");
        Assert.True(await page.Locator("#light-off").IsDisabledAsync());
        Assert.Contains("read-only", await page.Locator("#lights").GetAttributeAsync("title"));
        await Screenshots.TakeAsync(page, "read-only");
    }

    /// <summary>Waits until the (simulated) HAT's pixel buffer holds <paramref name="expected"/>, decoded as grbw.</summary>
    internal static async Task WaitForLightsAsync(TestServer server, LightColor[] expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[PanTiltHat.LightBufferLength];
        while (true)
        {
            server.Host.PanTilt!.Hat.ReadLights(buffer);
            if (Enumerable.Range(0, expected.Length).All(i => LightPixels.Read(buffer, LightType.Grbw, i) == expected[i]))
            {
                return;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, string url)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);
        await page.Locator("#lights").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Patience });
        await page.WaitForFunctionAsync("() => window.pistream.connection === 'live' && document.querySelectorAll('#light-pixels .swatch').length === 8", null, new() { Timeout = Patience });
        return page;
    }
}
