using Microsoft.Playwright;
using PiStream.Services.PanTilt;
using PiStream.Tests.Services.PanTilt;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Web;

/// <summary>The page's layout in headless Chromium: on a phone the picture comes first, at the top, as wide as the screen.</summary>
public sealed class PageLayoutTests
{
    private const float Patience = 30_000;

    [Fact]
    public async Task On_a_phone_the_picture_is_at_the_top_full_width_and_the_tilt_slider_as_tall_as_it()
    {
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/index.html?canvas2d");
        await page.Locator("#presets").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Patience });
        await PageWait.UntilAsync(page, "() => window.pistream.framesDecoded > 2");

        var picture = (await page.Locator("#video").BoundingBoxAsync())!;
        var tilt = (await page.Locator("#tilt").BoundingBoxAsync())!;
        var pan = (await page.Locator("#pan").BoundingBoxAsync())!;

        Assert.True(picture.Y <= 12, $"the picture starts {picture.Y} px down: nothing should be above it");
        Assert.True(picture.Width + tilt.Width >= 390 - 40, $"the picture ({picture.Width} px) and the tilt slider ({tilt.Width} px) should fill the 390 px width");
        Assert.InRange(picture.Height / picture.Width, 0.74, 0.76); // 640x480 keeps its shape
        Assert.InRange(tilt.Height, picture.Height - 4, picture.Height + 4);
        Assert.InRange(pan.Y - (picture.Y + picture.Height), 0, 24); // the pan slider right under the picture
        await Screenshots.TakeAsync(page, "layout");
    }
}
