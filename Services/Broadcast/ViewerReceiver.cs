using System.Net.WebSockets;

namespace PiStream.Services.Broadcast;

/// <summary>A viewer's receive side: discards what the client sends (1 KB at a time) and notices when it leaves.</summary>
internal static class ViewerReceiver
{
    /// <summary>Returns when the client closes or the socket is gone; calls <paramref name="tooMuch"/> (and returns) past <paramref name="maxBytes"/> in all.</summary>
    public static async Task DiscardAsync(WebSocket socket, long maxBytes, Action tooMuch, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        var received = 0L;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                received += result.Count;
                if (received > maxBytes)
                {
                    tooMuch();
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            // The socket is gone or the viewer was closed; the send loop ends too.
        }
    }
}
