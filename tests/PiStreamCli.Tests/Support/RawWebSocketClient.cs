using System.Net.Sockets;
using System.Text;

namespace PiStream.Tests.Support;

/// <summary>A TCP client that completes a WebSocket handshake by hand and then never reads again.</summary>
internal static class RawWebSocketClient
{
    public static async Task<TcpClient> ConnectWithoutReadingAsync(int port, string path)
    {
        var client = new TcpClient { ReceiveBufferSize = 4096 };
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        var request = $"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[1];
        var response = new StringBuilder();
        while (!response.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer) == 0)
            {
                throw new IOException("Connection closed during the handshake: " + response);
            }

            response.Append((char)buffer[0]);
        }

        if (!response.ToString().StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            throw new IOException("Handshake refused: " + response);
        }

        return client;
    }
}
