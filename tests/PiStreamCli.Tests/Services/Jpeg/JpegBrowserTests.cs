using Microsoft.Playwright;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Jpeg;

/// <summary>
/// Real headless Chromium: /stream.mjpg plays in an &lt;img&gt; (the test pattern's frame stamps are read back from
/// the pixels and move), and the page's Snapshot button downloads a JPEG named by time. Screenshots of the page
/// at 390x844 and 1280x800 go to /work/team/screenshots/home/ when that folder can be made.
/// </summary>
public sealed class JpegBrowserTests : IAsyncLifetime
{
    private const float Patience = 30_000;
    private const string ReadStamp = """
        (image) => {
          const canvas = document.createElement('canvas');
          canvas.width = image.naturalWidth;
          canvas.height = 32;
          const context = canvas.getContext('2d');
          context.drawImage(image, 0, 0);
          const pixels = context.getImageData(0, 0, canvas.width, 32).data;
          const perRow = Math.floor(canvas.width / 16);
          const bits = [];
          for (let bit = 0; bit < 48; bit++) {
            const x = bit % perRow * 16 + 8, y = Math.floor(bit / perRow) * 16 + 8, i = (y * canvas.width + x) * 4;
            bits.push(0.299 * pixels[i] + 0.587 * pixels[i + 1] + 0.114 * pixels[i + 2] >= 128 ? 1 : 0);
          }
          const bytes = [];
          for (let b = 0; b < 6; b++) { bytes.push(parseInt(bits.slice(b * 8, b * 8 + 8).join(''), 2)); }
          if ((bytes[0] ^ bytes[1] ^ bytes[2] ^ bytes[3] ^ bytes[4] ^ 0xa5) !== bytes[5]) { return -1; }
          return bytes.slice(0, 5).reduce((value, byte) => value * 256 + byte, 0);
        }
        """;

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync() => (_playwright, _browser) = await Browser.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task The_MJPEG_stream_plays_in_an_img_element()
    {
        await using var server = await TestServer.StartAsync();
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 800, Height = 600 } });
        await page.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/index.html");
        await page.EvaluateAsync("() => { const image = document.createElement('img'); image.id = 'mjpeg'; image.src = '/stream.mjpg'; document.body.prepend(image); }");
        var image = page.Locator("#mjpeg");
        await page.WaitForFunctionAsync("() => document.getElementById('mjpeg').naturalWidth === 640", null, new() { Timeout = Patience });

        var first = await image.EvaluateAsync<double>(ReadStamp);
        var firstShot = await image.ScreenshotAsync();
        await page.WaitForFunctionAsync($"([image, first]) => ({ReadStamp})(image) > first", new object[] { await image.ElementHandleAsync(), first }, new() { Timeout = Patience });
        var secondShot = await image.ScreenshotAsync();

        Assert.True(first > 0, "the picture in the <img> has no readable frame stamp: it is not the test pattern");
        Assert.Equal(480, await image.EvaluateAsync<int>("image => image.naturalHeight"));
        Assert.NotEqual(firstShot, secondShot);
    }

    [Fact]
    public async Task The_snapshot_button_downloads_a_JPEG_named_by_time()
    {
        await using var server = await TestServer.StartAsync();
        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, AcceptDownloads = true, IsMobile = width < 500, HasTouch = width < 500 });
            var page = await context.NewPageAsync();
            await page.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/index.html");
            var button = page.Locator("#snapshot");
            await button.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Patience });
            await page.WaitForFunctionAsync("() => window.pistream.framesDecoded > 3", null, new() { Timeout = Patience });

            var box = await button.BoundingBoxAsync();
            Assert.True(box is { Width: >= 44, Height: >= 44 }, $"the button is {box?.Width}x{box?.Height} px, under 44 px");
            Assert.True(box!.Y + box.Height <= height, "the button is below the screen");
            await SaveScreenshotAsync(page, $"page-{width}x{height}.png");

            await button.FocusAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"), new() { Timeout = Patience });
            var path = Path.Combine(Path.GetTempPath(), $"pistream-{Guid.NewGuid():N}.jpg");
            await download.SaveAsAsync(path);
            try
            {
                Assert.Matches(@"^pistream-\d{8}-\d{6}\.jpg$", download.SuggestedFilename);
                Assert.Equal(("mjpeg", 640, 480), await JpegDecoder.ProbeAsync(await File.ReadAllBytesAsync(path)));
                await page.WaitForFunctionAsync("() => document.getElementById('snapshot').dataset.state === 'saved'", null, new() { Timeout = Patience });
            }
            finally
            {
                File.Delete(path);
                await context.CloseAsync();
            }
        }
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        try
        {
            var folder = Directory.CreateDirectory("/work/team/screenshots/home");
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder.FullName, name) });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Screenshots are for people to look at; a machine without the folder still runs the test.
        }
    }
}
