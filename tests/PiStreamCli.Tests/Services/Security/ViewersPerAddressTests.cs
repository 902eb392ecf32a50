using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Security;

/// <summary>
/// --max-viewers-per-address end to end (issue #17 item 10): the real server bound to this machine's own non-loopback
/// address, real viewers of every kind connecting from chosen local addresses. Past the cap one address is refused on
/// every route with the reason, another address and this machine's loopback are not, and nobody watching is touched.
/// </summary>
public sealed class ViewersPerAddressTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly string Refusal = "Viewer limit reached for your address (3): close another viewer, or raise --max-viewers-per-address.";

    [Fact]
    public async Task One_address_past_its_cap_is_refused_on_every_route_with_the_reason_and_loopback_is_exempt()
    {
        var address = MachineAddresses.IPv4();
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Bind = address, Access = AccessSettings.Open with { MaxViewersPerAddress = 3 } });
        var (page, legacy, http) = Routes(address, server);

        await using var pageViewer = await AddressedClients.ViewerAsync(page, address);
        var legacyViewer = await AddressedClients.ViewerAsync(legacy, address);
        var (mjpegClient, mjpeg) = await AddressedClients.MjpegAsync(http, address);
        using (mjpegClient)
        using (mjpeg)
        {
            Assert.Equal(HttpStatusCode.OK, mjpeg.StatusCode);
            await pageViewer.WaitForFramesAsync(3, Patience);
            await legacyViewer.WaitForFramesAsync(3, Patience);

            Assert.Equal((HttpStatusCode.ServiceUnavailable, Refusal + "\n"), await AddressedClients.UpgradeAsync(page, address));
            Assert.Equal((HttpStatusCode.ServiceUnavailable, Refusal + "\n"), await AddressedClients.UpgradeAsync(legacy, address));
            var (refusedClient, refused) = await AddressedClients.MjpegAsync(http, address);
            using (refusedClient)
            using (refused)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.Equal(Refusal + "\n", await refused.Content.ReadAsStringAsync());
            }

            // A browser's upgrade carries its page's Origin: it is accepted and closed with 1013 and the reason, which the page can read.
            await using (var browser = await AddressedClients.ViewerAsync(page, address, options => options.SetRequestHeader("Origin", http.GetLeftPart(UriPartial.Authority))))
            {
                await browser.Completion.WaitAsync(Patience);
                Assert.Equal(ViewerLimit.TryAgainLater, browser.CloseStatus);
                Assert.Equal(Refusal, browser.CloseDescription);
                Assert.Empty(browser.Messages);
            }

            // This machine itself (a reverse proxy) is only counted toward --max-viewers.
            var local = new List<StreamClient>();
            try
            {
                for (var i = 0; i < 4; i++)
                {
                    local.Add(await AddressedClients.ViewerAsync(i % 2 == 0 ? page : legacy, IPAddress.Loopback));
                }

                foreach (var viewer in local)
                {
                    await viewer.WaitForFramesAsync(2, Patience);
                }
            }
            finally
            {
                foreach (var viewer in local)
                {
                    await viewer.DisposeAsync();
                }
            }

            var before = pageViewer.Frames.Count;
            await pageViewer.WaitForFramesAsync(before + 3, Patience);
            Assert.False(legacyViewer.Completion.IsCompleted, "a viewer already watching was disconnected");

            // One of the address's viewers leaves: its place is free again.
            await legacyViewer.DisposeAsync();
            await using var next = await RetryAsync(() => AddressedClients.ViewerAsync(legacy, address));
            await next.WaitForFramesAsync(2, Patience);
        }
    }

    [Fact]
    public async Task Another_address_still_gets_in_when_one_has_reached_its_cap()
    {
        var (serverAddress, other) = MachineAddresses.IPv6Pair();
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Bind = serverAddress, Access = AccessSettings.Open with { MaxViewersPerAddress = 1 } });
        var (page, _, _) = Routes(serverAddress, server);

        await using var first = await AddressedClients.ViewerAsync(page, serverAddress);
        await first.WaitForFramesAsync(2, Patience);
        var (status, text) = await AddressedClients.UpgradeAsync(page, serverAddress);
        await using var fromOther = await AddressedClients.ViewerAsync(page, other);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("(1)", text);
        await fromOther.WaitForFramesAsync(2, Patience);
        Assert.False(first.Completion.IsCompleted);
    }

    private static (Uri Page, Uri Legacy, Uri Http) Routes(IPAddress address, TestServer server)
    {
        var host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{new IPAddress(address.GetAddressBytes())}]" : address.ToString();
        return (new Uri($"ws://{host}:{server.Host.HttpPort}/stream"), new Uri($"ws://{host}:{server.Host.WebSocketPort}/"), new Uri($"http://{host}:{server.Host.HttpPort}/"));
    }

    /// <summary>The place is given back when the server has seen the viewer leave: a moment after it closed.</summary>
    private static async Task<StreamClient> RetryAsync(Func<Task<StreamClient>> connect)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await connect();
            }
            catch (WebSocketException) when (clock.Elapsed < Patience)
            {
                await Task.Delay(100);
            }
        }
    }
}
