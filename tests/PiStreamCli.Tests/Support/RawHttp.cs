using System.Net.Sockets;
using System.Text;

namespace PiStream.Tests.Support;

/// <summary>Sends exact bytes over TCP (no client-side normalising) and reads what comes back until the server closes.</summary>
internal static class RawHttp
{
    public static async Task<string> SendAsync(int port, byte[] request, TimeSpan? timeout = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(request);
        return await ReadToCloseAsync(stream, timeout ?? TimeSpan.FromSeconds(15));
    }

    public static Task<string> SendAsync(int port, string request) => SendAsync(port, Encoding.Latin1.GetBytes(request));

    /// <summary>The status code of the first response line ("HTTP/1.1 404 Not Found" gives 404).</summary>
    public static int StatusOf(string response)
    {
        var parts = response.Split(' ', 3);
        return parts.Length >= 2 && parts[0].StartsWith("HTTP/", StringComparison.Ordinal) && int.TryParse(parts[1], out var code)
            ? code
            : throw new InvalidOperationException($"Not an HTTP response: '{response[..Math.Min(200, response.Length)]}'");
    }

    /// <summary>Everything until the server closes; throws <see cref="TimeoutException"/> if it never does.</summary>
    public static async Task<string> ReadToCloseAsync(NetworkStream stream, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancel.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The server kept the connection open for {timeout}: {Encoding.Latin1.GetString(received.ToArray())}");
        }
        catch (IOException)
        {
            // Reset by the server: it closed.
        }

        return Encoding.Latin1.GetString(received.ToArray());
    }
}
