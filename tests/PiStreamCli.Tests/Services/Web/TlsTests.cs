using System.Net;
using Microsoft.Playwright;
using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Web;

/// <summary>--tls-cert/--tls-key: HTTPS and WSS on both ports, and the page picks wss:// by itself.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly SelfSignedCertificate _certificate = new();

    public void Dispose() => _certificate.Dispose();

    [Fact]
    public async Task Https_serves_the_page_and_wss_the_stream_and_plain_http_is_not_answered()
    {
        await using var server = await StartAsync();
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, presented, _, _) => _certificate.Trusts(presented) };
        using var https = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{server.Host.HttpPort}/"), Timeout = TimeSpan.FromSeconds(10) };

        using var page = await https.GetAsync("/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("max-age=15552000", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));
        await using var viewer = await StreamClient.ConnectAsync(new Uri($"wss://127.0.0.1:{server.Host.HttpPort}/stream"), Trust);
        await using var seedViewer = await StreamClient.ConnectAsync(new Uri($"wss://127.0.0.1:{server.Host.WebSocketPort}/"), Trust);
        await viewer.WaitForFramesAsync(5, TimeSpan.FromSeconds(20));
        await seedViewer.WaitForFramesAsync(5, TimeSpan.FromSeconds(20));
        Assert.Equal(new byte[] { 0x6A, 0x73, 0x6D, 0x70, 0x02, 0x80, 0x01, 0xE0 }, viewer.Messages[0].Data);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => server.Http.GetAsync("/index.html"));
    }

    [Fact]
    public async Task The_page_over_https_plays_the_stream_over_wss()
    {
        await using var server = await StartAsync();
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = true });
            var page = await context.NewPageAsync();
            var events = new List<string>();
            page.WebSocket += (_, socket) => events.Add(socket.Url);
            page.Console += (_, message) => events.Add("console: " + message.Text);
            await page.GotoAsync($"https://127.0.0.1:{server.Host.HttpPort}/index.html");
            try
            {
                await page.WaitForFunctionAsync("() => window.pistream && window.pistream.framesDecoded > 5", null, new() { Timeout = 30_000 });
            }
            catch (TimeoutException)
            {
                Assert.Fail(string.Join("\n", events) + await page.EvaluateAsync<string>("() => 'decoded ' + (window.pistream && window.pistream.framesDecoded) + ' state ' + document.getElementById('connection').dataset.state"));
            }

            Assert.Contains($"wss://127.0.0.1:{server.Host.HttpPort}/stream", events);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private void Trust(System.Net.WebSockets.ClientWebSocketOptions options) =>
        options.RemoteCertificateValidationCallback = (_, presented, _, _) => _certificate.Trusts(presented);

    private Task<TestServer> StartAsync() => TestServer.StartAsync(TestServer.Settings with
    {
        Access = AccessSettings.Open with { TlsCertificate = _certificate.CertificatePath, TlsKey = _certificate.KeyPath },
    });
}
