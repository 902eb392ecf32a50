using System.Net.Sockets;
using System.Text;

namespace PiStream.Tests.Support;

/// <summary>A TCP client that completes a WebSocket handshake (or a plain GET's response head) by hand and then never reads again.</summary>
internal static class RawWebSocketClient
{
    /// <param name="receiveBuffer">The client's socket receive buffer; null keeps the system's default (what a real client that stops reading has).</param>
    public static Task<TcpClient> ConnectWithoutReadingAsync(int port, string path, int? receiveBuffer = 4096) =>
        SendAndReadHeadAsync(
            port,
            $"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
            "HTTP/1.1 101",
            receiveBuffer);

    /// <summary>A GET of <paramref name="path"/> (e.g. the MJPEG stream) whose body is never read, with the system's receive buffer.</summary>
    public static Task<TcpClient> GetWithoutReadingAsync(int port, string path) =>
        SendAndReadHeadAsync(port, $"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n", "HTTP/1.1 200", receiveBuffer: null);

    private static async Task<TcpClient> SendAndReadHeadAsync(int port, string request, string expected, int? receiveBuffer)
    {
        var client = new TcpClient();
        if (receiveBuffer is { } size)
        {
            client.ReceiveBufferSize = size;
        }

        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[1];
        var response = new StringBuilder();
        while (!response.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer) == 0)
            {
                throw new IOException("Connection closed during the response head: " + response);
            }

            response.Append((char)buffer[0]);
        }

        if (!response.ToString().StartsWith(expected, StringComparison.Ordinal))
        {
            client.Dispose();
            throw new IOException("Refused: " + response);
        }

        return client;
    }
}
