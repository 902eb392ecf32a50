using Microsoft.Playwright;
using PiStream.Services.Encoding;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.H264;

/// <summary>
/// Each player in real headless Chromium: it is the one chosen (or forced), it keeps decoding, and the
/// capture time stamped into the test pattern is read back from the picture it shows (so it shows the
/// right pictures, in time). Screenshots at phone and laptop size go to /work/team/screenshots/h264/.
/// </summary>
public sealed class PlayerPageTests : IAsyncLifetime
{
    private const string ScreenshotFolder = "/work/team/screenshots/h264";
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync() => (_playwright, _browser) = await Browser.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Theory]
    [InlineData("h264", "", "webcodecs")]
    [InlineData("h264", "&player=mse", "mse")]
    [InlineData("mpeg1", "", "jsmpeg")]
    public async Task The_player_shows_the_stamped_pictures_as_they_are_captured(string codec, string query, string expectedPlayer)
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with
        {
            Codec = codec == "h264" ? CodecRequest.H264 : CodecRequest.Mpeg1,
            Format = new(640, 480, 30),
        });
        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            await using var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);
            await page.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/index.html?measure{query}");

            await page.WaitForFunctionAsync("() => window.pistream.latencies.length > 20", null, new() { Timeout = 30_000 });
            Assert.Equal(expectedPlayer, await page.EvaluateAsync<string>("() => window.pistream.playerKind"));
            Assert.Equal(codec, await page.EvaluateAsync<string>("() => window.pistream.codec"));
            var before = await page.EvaluateAsync<int>("() => window.pistream.framesDecoded");
            await page.WaitForFunctionAsync($"() => window.pistream.framesDecoded > {before + 15}", null, new() { Timeout = 20_000 });
            var latencies = await page.EvaluateAsync<double[]>("() => window.pistream.latencies.slice(-10)");
            Assert.All(latencies, ms => Assert.InRange(ms, 0, 30_000)); // a readable stamp of a picture captured moments ago (this busy machine lags)
            var stamp = await page.EvaluateAsync<double>("() => window.pistream.lastStamp");
            await page.WaitForFunctionAsync($"() => window.pistream.lastStamp > {stamp}", null, new() { Timeout = 30_000 });
            Assert.Empty(errors);
            Assert.Contains(expectedPlayer == "webcodecs" ? "WebCodecs" : expectedPlayer == "mse" ? "MSE" : "JSMpeg", await page.Locator("#player").TextContentAsync());

            var box = await page.Locator("#video").BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5 && box.Width >= 300, $"picture spans {box.X}..{box.X + box.Width} of {width}");
            Directory.CreateDirectory(ScreenshotFolder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{expectedPlayer}-{width}x{height}.png") });
        }
    }

    [Fact]
    public async Task A_player_the_stream_cannot_use_is_not_forced()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Codec = CodecRequest.Mpeg1 });
        var page = await _browser.NewPageAsync();
        await page.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/index.html?player=webcodecs");

        await page.WaitForFunctionAsync("() => window.pistream.framesDecoded > 5", null, new() { Timeout = 30_000 });
        Assert.Equal("jsmpeg", await page.EvaluateAsync<string>("() => window.pistream.playerKind"));
    }
}
