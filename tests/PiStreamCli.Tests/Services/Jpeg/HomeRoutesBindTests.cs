using System.Net;
using System.Net.Sockets;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Jpeg;

/// <summary>The routes for home systems obey --bind: bound to loopback, they answer there and nowhere else (this machine's own address is refused).</summary>
public sealed class HomeRoutesBindTests
{
    [Fact]
    public async Task Bound_to_loopback_they_answer_on_loopback_and_not_on_this_machines_address()
    {
        await using var server = await TestServer.StartAsync();
        using var elsewhere = new HttpClient { BaseAddress = new Uri($"http://{MachineAddresses.IPv4()}:{server.Host.HttpPort}/"), Timeout = TimeSpan.FromSeconds(10) };

        foreach (var path in new[] { "snapshot.jpg", "stream.mjpg", "metrics", "healthz" })
        {
            using (var here = await server.Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead))
            {
                Assert.True(here.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{path} answered {here.StatusCode} on loopback");
            }

            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => elsewhere.GetAsync(path, HttpCompletionOption.ResponseHeadersRead));
            Assert.Equal(SocketError.ConnectionRefused, (refused.InnerException as SocketException)?.SocketErrorCode);
        }
    }
}
