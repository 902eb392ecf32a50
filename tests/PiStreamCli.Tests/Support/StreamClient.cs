using System.Diagnostics;
using System.Net.WebSockets;

namespace PiStream.Tests.Support;

/// <summary>A WebSocket viewer that records every message it receives, with the time it arrived.</summary>
internal sealed class StreamClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly List<Message> _messages = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;

    public sealed record Message(byte[] Data, WebSocketMessageType Type, long ArrivedAt);

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public Task Completion => _reading;

    /// <param name="invoker">The connection to use (e.g. from a chosen local address); null: the default, owned by the socket.</param>
    public static async Task<StreamClient> ConnectAsync(Uri uri, Action<ClientWebSocketOptions>? configure = null, HttpMessageInvoker? invoker = null)
    {
        var client = new StreamClient();
        configure?.Invoke(client._socket.Options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client._socket.ConnectAsync(uri, invoker, timeout.Token);
        client._reading = client.ReadAsync();
        return client;
    }

    public IReadOnlyList<Message> Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToArray();
            }
        }
    }

    /// <summary>The binary messages after the 8-byte header: one encoded frame each.</summary>
    public IReadOnlyList<Message> Frames => Messages.Skip(1).Where(m => m.Type == WebSocketMessageType.Binary).ToArray();

    public async Task WaitForFramesAsync(int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (Frames.Count < count)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Got {Frames.Count} frames, wanted {count} within {timeout}.");
            }

            if (_reading.IsCompleted)
            {
                throw new InvalidOperationException($"The connection ended after {Frames.Count} frames: {CloseStatus} {CloseDescription}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Sends a binary message to the server (viewers normally send nothing).</summary>
    public Task SendAsync(byte[] data) => _socket.SendAsync(data, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                _socket.Abort();
            }
        }

        await _stop.CancelAsync();
        await _reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 20];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), _stop.Token);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                lock (_messages)
                {
                    _messages.Add(new Message(buffer[..length], result.MessageType, Stopwatch.GetTimestamp()));
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Closed.
        }
    }
}
