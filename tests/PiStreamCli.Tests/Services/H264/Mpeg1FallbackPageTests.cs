using Microsoft.Playwright;
using PiStream.Services.Encoding;
using PiStream.Services.H264;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.H264;

/// <summary>
/// A browser without H.264 (an init script removes VideoDecoder and MediaSource from real headless Chromium) still
/// plays an H.264 server: the page asks for <c>/stream/mpeg1</c> and JSMpeg decodes it; the test pattern's stamp is
/// read back from the picture; the MPEG-1 encoder stops once the page is gone. Screenshots go to
/// /work/team/screenshots/players/.
/// </summary>
public sealed class Mpeg1FallbackPageTests : IAsyncLifetime
{
    private const string NoH264 = """
        delete window.VideoDecoder; delete window.MediaSource; delete window.ManagedMediaSource;
        Object.defineProperty(window, 'VideoDecoder', { value: undefined });
        Object.defineProperty(window, 'MediaSource', { value: undefined });
        """;

    private static readonly string ScreenshotFolder = Directory.Exists("/work/team")
        ? "/work/team/screenshots/players"
        : Path.Combine(Path.GetTempPath(), "pistream-screenshots", "players");

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync() => (_playwright, _browser) = await Browser.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task A_browser_that_decodes_no_h264_plays_the_mpeg1_fallback_and_the_encoder_stops_when_it_leaves()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Codec = CodecRequest.H264, Format = new(640, 480, 30) });
        var encoder = (OnDemandMpeg1Encoder)server.Host.Services.GetService(typeof(OnDemandMpeg1Encoder))!;
        Directory.CreateDirectory(ScreenshotFolder);
        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            await using (var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } }))
            {
                await context.AddInitScriptAsync(NoH264);
                var page = await context.NewPageAsync();
                var errors = new List<string>();
                page.PageError += (_, error) => errors.Add(error);
                await page.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/index.html?measure");

                await page.WaitForFunctionAsync("() => window.pistream.latencies.length > 20", null, new() { Timeout = 30_000 });
                Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.VideoDecoder"));
                Assert.Equal("jsmpeg", await page.EvaluateAsync<string>("() => window.pistream.playerKind"));
                Assert.Equal("mpeg1", await page.EvaluateAsync<string>("() => window.pistream.codec"));
                Assert.True(encoder.IsRunning);
                var before = await page.EvaluateAsync<int>("() => window.pistream.framesDecoded");
                await page.WaitForFunctionAsync($"() => window.pistream.framesDecoded > {before + 15}", null, new() { Timeout = 20_000 });
                var latencies = await page.EvaluateAsync<double[]>("() => window.pistream.latencies.slice(-10)");
                Assert.All(latencies, ms => Assert.InRange(ms, 0, 30_000));
                var stamp = await page.EvaluateAsync<double>("() => window.pistream.lastStamp");
                await page.WaitForFunctionAsync($"() => window.pistream.lastStamp > {stamp}", null, new() { Timeout = 30_000 });
                Assert.Contains("MPEG-1 · JSMpeg (this browser decodes no H.264)", await page.Locator("#player").TextContentAsync());
                Assert.Empty(errors);
                await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"mpeg1-fallback-{width}x{height}.png") });
            }

            await WaitUntilAsync(() => !encoder.IsRunning);
        }

        Assert.Equal(2, encoder.Runs);
    }

    [Fact]
    public async Task A_browser_with_h264_keeps_the_h264_stream_and_jsmpeg_can_be_forced()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Codec = CodecRequest.H264 });
        var encoder = (OnDemandMpeg1Encoder)server.Host.Services.GetService(typeof(OnDemandMpeg1Encoder))!;
        var page = await _browser.NewPageAsync();
        await page.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/index.html");
        await page.WaitForFunctionAsync("() => window.pistream.framesDecoded > 5", null, new() { Timeout = 30_000 });
        Assert.Equal("webcodecs", await page.EvaluateAsync<string>("() => window.pistream.playerKind"));
        Assert.False(encoder.IsRunning);

        await page.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/index.html?player=jsmpeg");
        await page.WaitForFunctionAsync("() => window.pistream.framesDecoded > 5", null, new() { Timeout = 30_000 });
        Assert.Equal("jsmpeg", await page.EvaluateAsync<string>("() => window.pistream.playerKind"));
        Assert.Equal("/stream/mpeg1", await page.EvaluateAsync<string>("() => window.pistream.streamPath"));
        await page.CloseAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }
}
