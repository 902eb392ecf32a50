using System.Net.WebSockets;
using PiStream.Services.Broadcast;
using PiStream.Services.Capture;

namespace PiStream.Services.Recording;

/// <summary>
/// The live stream of a running <c>pistream serve</c>, read as a viewer reads it: a WebSocket at
/// <c>/stream</c> whose first message is the <see cref="StreamHeader"/> (width and height), followed by
/// MPEG-TS carrying MPEG-1 video, or raw H.264 (<see cref="H264Framerate"/> set). <see cref="FeedAsync"/>
/// passes the bytes on unchanged.
/// </summary>
internal sealed class RemoteStream : IDisposable
{
    private readonly ClientWebSocket _socket;

    private RemoteStream(ClientWebSocket socket, Uri address, int width, int height, int? h264Framerate)
    {
        H264Framerate = h264Framerate;
        _socket = socket;
        Address = address;
        Width = width;
        Height = height;
    }

    public Uri Address { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The frame rate of an H.264 stream; null for MPEG-1 in MPEG-TS.</summary>
    public int? H264Framerate { get; }

    /// <summary>The WebSocket address of the stream of a serve at <paramref name="from"/> (http://host:port, ws://host:port/stream...).</summary>
    public static Uri StreamAddress(Uri from)
    {
        var builder = new UriBuilder(from)
        {
            Scheme = from.Scheme is "https" or "wss" ? "wss" : "ws",
        };
        if (builder.Path is "" or "/")
        {
            builder.Path = "/stream";
        }

        return builder.Uri;
    }

    /// <summary>Connects and reads the header; throws <see cref="CaptureUnavailableException"/> naming the fix when that fails.</summary>
    public static async Task<RemoteStream> ConnectAsync(Uri from, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var address = StreamAddress(from);
        var socket = new ClientWebSocket();
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            await socket.ConnectAsync(address, deadline.Token);
            var header = new byte[64];
            var received = await socket.ReceiveAsync(header, deadline.Token);
            var message = header.AsSpan(0, received.Count);
            if (received.MessageType == WebSocketMessageType.Binary && StreamHeader.TryReadH264(message, out var h264Width, out var h264Height, out var framerate))
            {
                return new RemoteStream(socket, address, h264Width, h264Height, framerate);
            }

            if (received.MessageType != WebSocketMessageType.Binary || !StreamHeader.TryRead(message, out var width, out var height))
            {
                throw new CaptureUnavailableException($"{address} is not a pistream stream (no 'jsmp' or 'h264' header): give the address of a running 'pistream serve', e.g. --from http://localhost:8082.");
            }

            return new RemoteStream(socket, address, width, height, null);
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            socket.Dispose();
            throw new CaptureUnavailableException($"cannot read the stream at {address}: {e.Message.TrimEnd('.')}. Is 'pistream serve' running there? Start it, or check the host and port.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Writes the stream's bytes to <paramref name="target"/> until cancelled; throws <see cref="CaptureStoppedException"/> when the server ends it.</summary>
    public async Task FeedAsync(Stream target, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            ValueWebSocketReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            }
            catch (WebSocketException e)
            {
                throw new CaptureStoppedException($"the stream at {Address} broke off: {e.Message}");
            }

            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new CaptureStoppedException($"the stream at {Address} ended: {_socket.CloseStatusDescription ?? "the server closed it"}.");
            }

            await target.WriteAsync(buffer.AsMemory(0, received.Count), cancellationToken);
        }
    }

    public void Dispose() => _socket.Dispose();
}
