using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace PiStream.Tests.Support;

/// <summary>Viewers of every kind whose connections come from a chosen local address (one test acting as several machines).</summary>
internal static class AddressedClients
{
    public static SocketsHttpHandler Handler(IPAddress local) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>A WebSocket viewer from <paramref name="local"/> that records what it receives.</summary>
    public static Task<StreamClient> ViewerAsync(Uri uri, IPAddress local, Action<ClientWebSocketOptions>? configure = null) =>
        StreamClient.ConnectAsync(uri, configure, new HttpMessageInvoker(Handler(local)));

    /// <summary>A WebSocket upgrade from <paramref name="local"/> sent as a plain request, so a refusal's status and text can be read.</summary>
    public static async Task<(HttpStatusCode Status, string Text)> UpgradeAsync(Uri uri, IPAddress local)
    {
        using var client = new HttpClient(Handler(local)) { Timeout = TimeSpan.FromSeconds(15) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(uri) { Scheme = "http" }.Uri);
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        request.Headers.Add("Sec-WebSocket-Version", "13");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return (response.StatusCode, response.StatusCode == HttpStatusCode.SwitchingProtocols ? "" : await response.Content.ReadAsStringAsync());
    }

    /// <summary>An MJPEG client from <paramref name="local"/>: the response, still streaming when it is 200.</summary>
    public static async Task<(HttpClient Client, HttpResponseMessage Response)> MjpegAsync(Uri baseAddress, IPAddress local)
    {
        var client = new HttpClient(Handler(local)) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        return (client, await client.GetAsync("stream.mjpg?fps=2", HttpCompletionOption.ResponseHeadersRead));
    }
}
