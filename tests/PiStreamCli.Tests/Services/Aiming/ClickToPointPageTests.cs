using Microsoft.Playwright;
using PiStream.Services.Capture;
using PiStream.Services.PanTilt;
using PiStream.Tests.Services.PanTilt;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Aiming;

/// <summary>Click-to-point, presets and arrow-key nudges on the page, in headless Chromium, with the simulated HAT.</summary>
public sealed class ClickToPointPageTests
{
    private const float Patience = 30_000;

    [Fact]
    public async Task Clicking_the_right_edge_centre_of_the_picture_turns_half_the_field_of_view_right()
    {
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await OpenAsync(browser, server);
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>(); // filled on Playwright's thread
        page.Request += (_, request) => { if (request.Url.Contains("/do_orient", StringComparison.Ordinal)) { requests.Enqueue(new Uri(request.Url).PathAndQuery); } };
        var box = (await page.Locator("#video").BoundingBoxAsync())!;

        await page.Mouse.ClickAsync(box.X + box.Width * 0.75f, box.Y + box.Height * 0.25f);

        // The point is sent as fractions of the picture (to a pixel), and the server turns atan(0.5 tan 31.1) = 16.78
        // degrees right and atan(0.5 tan 24.4) = 12.78 up for the assumed 62.2 x 48.8 field of view.
        // Playwright reports the page's request a moment after it is sent: the server may have moved already.
        await WaitUntilAsync(() => server.Moves.Any(move => move.Pan > 0) && !requests.IsEmpty);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + Assert.Single(requests)).Query);
        Assert.Equal(0.75, double.Parse(query["x"]!, System.Globalization.CultureInfo.InvariantCulture), 0.003);
        Assert.Equal(0.25, double.Parse(query["y"]!, System.Globalization.CultureInfo.InvariantCulture), 0.003);
        var moved = server.Moves.Last();
        Assert.Equal(16.78, moved.Pan!.Value, 0.15);
        Assert.Equal(12.78, moved.Tilt!.Value, 0.15);
        await PageWait.UntilAsync(page, "() => document.getElementById('pan').value === '17' && document.getElementById('tilt').value === '13'");
    }

    [Fact]
    public async Task Without_a_field_of_view_a_click_says_how_to_give_one_and_does_not_move()
    {
        var settings = TestServer.Settings with { Source = new SourceSpec(SourceKind.Exec, "exec ffmpeg -v error -re -f lavfi -i testsrc2=size=640x480:rate=24 -pix_fmt yuv420p -f rawvideo pipe:1") };
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim, settings: settings);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/index.html?canvas2d");
        await page.Locator("#presets").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Patience });
        await PageWait.UntilAsync(page, "() => window.pistream.status && document.getElementById('video').tabIndex === 0");
        Assert.False(await page.Locator("#video").EvaluateAsync<bool>("(video) => video.classList.contains('aimable')"));
        Assert.Contains("--hfov and --vfov", await page.Locator("#video").GetAttributeAsync("title"));
        var box = (await page.Locator("#video").BoundingBoxAsync())!;

        await page.Mouse.ClickAsync(box.X + box.Width * 0.75f, box.Y + box.Height * 0.25f);

        var message = page.Locator("#aim-message");
        await message.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Patience });
        Assert.Contains("Click-to-point is off", await message.TextContentAsync());
        Assert.Contains("start serve with --hfov DEG --vfov DEG", await message.TextContentAsync());
        await Screenshots.TakeAsync(page, "click-to-point-needs-fov");
        await page.Locator("#video").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight"); // nudges still work
        await WaitUntilAsync(() => server.Moves.Any(move => move.Pan == 2));
        Assert.DoesNotContain(server.Moves, move => move.Tilt is not null and not 0); // the click moved nothing
    }

    [Fact]
    public async Task Arrow_keys_on_the_focused_picture_nudge_the_camera()
    {
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await OpenAsync(browser, server);

        await page.Locator("#video").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("Shift+ArrowUp");

        await server.WaitForMoveAsync(new Orientation(2, 10));
    }

    [Fact]
    public async Task Preset_buttons_save_go_and_delete()
    {
        using var state = new TempFolder();
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim, settings: TestServer.Settings with { Presets = new(state.Path) });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await OpenAsync(browser, server);
        await server.Http.GetAsync("do_orient?pan=20&tilt=10");
        await server.WaitForMoveAsync(new Orientation(20, 10));

        await page.Locator("#preset-name").FillAsync("door");
        await page.Locator("#preset-save button").ClickAsync();
        await page.Locator("#preset-list button", new() { HasText = "door" }).WaitForAsync(new() { Timeout = Patience });
        await server.Http.GetAsync("do_orient?pan=-40&tilt=0");
        await server.WaitForMoveAsync(new Orientation(-40, 0));

        await page.Locator("#preset-list button", new() { HasText = "door" }).ClickAsync();
        await server.WaitForMoveAsync(new Orientation(20, 10));
        await Screenshots.TakeAsync(page, "presets-and-click-to-point");

        await page.Locator("button[aria-label='Delete preset door']").ClickAsync();
        await PageWait.UntilAsync(page, "() => document.querySelectorAll('#preset-list button').length === 0");
        Assert.Equal("[]", await server.Http.GetStringAsync("api/presets"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, PanTiltServer server)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/index.html?canvas2d");
        await page.Locator("#presets").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Patience });
        await PageWait.UntilAsync(page, "() => window.pistream.connection === 'live' && document.getElementById('video').classList.contains('aimable')");
        return page;
    }
}
