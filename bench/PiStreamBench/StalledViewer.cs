using System.Net.Sockets;
using System.Text;

namespace PiStream.Bench;

/// <summary>A viewer that completes the WebSocket handshake, then never reads again (a frozen phone, a dead Wi-Fi link).</summary>
internal static class StalledViewer
{
    public static async Task<TcpClient> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var client = new TcpClient { ReceiveBufferSize = 4096 };
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        var stream = client.GetStream();
        var request = $"GET /stream HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);
        var buffer = new byte[1];
        var response = new StringBuilder();
        while (!response.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer, cancellationToken) == 0)
            {
                throw new IOException("The server closed the stalled viewer's connection during the handshake: " + response);
            }

            response.Append((char)buffer[0]);
        }

        return response.ToString().StartsWith("HTTP/1.1 101", StringComparison.Ordinal)
            ? client
            : throw new IOException("The server refused the stalled viewer's handshake: " + response);
    }
}
