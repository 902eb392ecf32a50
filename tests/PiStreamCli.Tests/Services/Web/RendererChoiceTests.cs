using Microsoft.Playwright;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Web;

/// <summary>
/// JSMpeg's renderer: WebGL only where a GPU draws it. Headless Chromium here has software WebGL only (SwiftShader), so the
/// page picks Canvas2D; <c>?webgl</c> and <c>?canvas2d</c> force one. Each shows moving frames.
/// </summary>
public sealed class RendererChoiceTests : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync() => (_playwright, _browser) = await Browser.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Theory]
    [InlineData("", "Canvas2D")]
    [InlineData("?webgl", "WebGL")]
    [InlineData("?canvas2d", "Canvas2D")]
    public async Task The_page_draws_with_the_renderer_the_numbers_chose(string query, string expected)
    {
        await using var server = await TestServer.StartAsync();
        var page = await _browser.NewPageAsync();
        await page.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/index.html{query}");
        await page.WaitForFunctionAsync("() => window.pistream && window.pistream.framesDecoded > 5", null, new() { Timeout = 30_000 });

        var renderer = await page.EvaluateAsync<string>("() => window.pistream.player.renderer.gl ? 'WebGL' : 'Canvas2D'");
        Assert.Equal(expected, renderer);
        Assert.True(await page.EvaluateAsync<double>("() => window.pistream.firstFrameAt") > 0, "the first picture's time since navigation is recorded");
    }
}
