using Microsoft.Playwright;
using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Security;

/// <summary>The real browser flow with a login: Chromium asks once, and the page's video WebSocket carries the login too.</summary>
public sealed class LoginPageTests
{
    [Fact]
    public async Task A_browser_with_the_login_plays_the_stream_and_one_without_is_refused()
    {
        var users = new UserStore(new Dictionary<string, PasswordHash> { ["viewer"] = PasswordHash.Create("long-secret", PasswordHash.MinIterations) });
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Access = AccessSettings.Open with { Users = users } });
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var anonymous = await (await browser.NewContextAsync()).NewPageAsync();
            var refused = await Assert.ThrowsAsync<PlaywrightException>(() => anonymous.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/index.html"));
            Assert.Contains("ERR_INVALID_AUTH_CREDENTIALS", refused.Message);

            var context = await browser.NewContextAsync(new BrowserNewContextOptions { HttpCredentials = new HttpCredentials { Username = "viewer", Password = "long-secret" } });
            var page = await context.NewPageAsync();
            await page.GotoAsync($"http://127.0.0.1:{server.Host.HttpPort}/");
            await page.WaitForFunctionAsync("() => window.pistream && window.pistream.framesDecoded > 5", null, new() { Timeout = 30_000 });
            Assert.Equal(1, server.Host.Broadcaster.ViewerCount);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
