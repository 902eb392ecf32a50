using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Security;

/// <summary>
/// A viewer refused because --max-viewers is reached is told so: the page (real Chromium) shows the reason and gets in
/// by itself once a place is free, and the log says it once for a burst of refusals, not once per request. Screenshots
/// at 390x844 and 1280x800 go to /work/team/screenshots/hardhome/ when that folder can be made.
/// </summary>
public sealed class ViewerLimitPageTests
{
    private const float Patience = 30_000;
    private const string Refusal = "Viewer limit reached (1): raise --max-viewers on the server, or try again later.";

    [Fact]
    public async Task The_page_says_the_limit_is_reached_the_log_says_it_once_and_the_page_gets_in_when_a_place_frees()
    {
        using var log = new RecordingLoggerProvider();
        using var loggerFactory = log.CreateFactory();
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Access = AccessSettings.Open with { MaxViewers = 1 } }, loggerFactory: loggerFactory);
        var watching = await StreamClient.ConnectAsync(server.StreamUri);
        await watching.WaitForFramesAsync(2, TimeSpan.FromSeconds(20));
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
            await page.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/");
            var connection = page.Locator("#connection");
            await page.WaitForFunctionAsync("() => document.getElementById('connection').dataset.state === 'refused'", null, new() { Timeout = Patience });
            Assert.Equal(Refusal, await connection.TextContentAsync());
            Assert.True(await connection.IsVisibleAsync());
            await SaveScreenshotsAsync(page, "viewer-limit");
            await page.SetViewportSizeAsync(390, 844);
            var lineBoxes = await page.EvaluateAsync<int[]>("() => Array.from(document.querySelectorAll('#connection .option')).map(option => option.getClientRects().length)");
            Assert.Equal([1], lineBoxes); // "--max-viewers" on one line on a phone, not broken at its hyphen
            for (var i = 0; i < 30; i++)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, await WebSocketProbe.StatusAsync(server.StreamUri));
            }

            var refusals = log.Entries.Where(entry => entry.Level == LogLevel.Warning && entry.Message.StartsWith("Refused a viewer", StringComparison.Ordinal)).ToList();
            Assert.InRange(refusals.Count, 1, 1 + (int)(clock.Elapsed / ViewerRefusals.Quiet)); // 31 refusals or more, one line per 10 s
            Assert.Contains("--max-viewers 1", refusals[0].Message);

            await watching.DisposeAsync();
            await page.WaitForFunctionAsync("() => window.pistream.connection === 'live' && window.pistream.framesDecoded > 2", null, new() { Timeout = Patience });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static async Task SaveScreenshotsAsync(IPage page, string name)
    {
        DirectoryInfo folder;
        try
        {
            folder = Directory.CreateDirectory("/work/team/screenshots/hardhome");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // screenshots are for people to look at; a machine without the folder still runs the test
        }

        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.WaitForTimeoutAsync(300);
            var path = Path.Combine(folder.FullName, $"{name}-{width}x{height}.png");
            await page.ScreenshotAsync(new() { Path = path });
            Assert.True(await page.Locator("#connection").IsVisibleAsync(), $"the reason is not visible at {width}x{height}");
        }
    }
}
