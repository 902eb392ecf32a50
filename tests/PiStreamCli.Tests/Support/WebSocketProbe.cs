using System.Net;
using System.Net.WebSockets;

namespace PiStream.Tests.Support;

/// <summary>Tries a WebSocket upgrade and tells the HTTP status the server answered (101 when it was accepted).</summary>
internal static class WebSocketProbe
{
    public static async Task<HttpStatusCode> StatusAsync(Uri uri, Action<ClientWebSocketOptions>? configure = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        configure?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await socket.ConnectAsync(uri, timeout.Token);
        }
        catch (WebSocketException)
        {
            return socket.HttpStatusCode;
        }

        socket.Abort();
        return socket.HttpStatusCode;
    }

    /// <summary>Sets <c>Authorization: Basic</c> on an upgrade.</summary>
    public static Action<ClientWebSocketOptions> Login(string user, string password) =>
        options => options.SetRequestHeader("Authorization", BasicHeader(user, password));

    public static string BasicHeader(string user, string password) =>
        "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}"));
}
