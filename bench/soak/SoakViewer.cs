using System.Net.WebSockets;

namespace PiStream.Soak;

/// <summary>One soak viewer: counts frames; the latency probe also keeps the last few seconds of frames with their arrival time.</summary>
internal sealed class SoakViewer : IAsyncDisposable
{
    private const int Kept = 96;
    private readonly ClientWebSocket _socket = new();
    private readonly Queue<(byte[] Data, long ArrivedUnixMs)> _recent = new();
    private readonly bool _keepRecent;
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;
    private long _frames;

    private SoakViewer(bool keepRecent) => _keepRecent = keepRecent;

    public long Frames => Interlocked.Read(ref _frames);

    public bool Lost => _reading.IsCompleted && !_stop.IsCancellationRequested;

    public string? LostReason { get; private set; }

    public static async Task<SoakViewer> ConnectAsync(Uri uri, bool keepRecent)
    {
        var viewer = new SoakViewer(keepRecent);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await viewer._socket.ConnectAsync(uri, timeout.Token);
        viewer._reading = viewer.ReadAsync();
        return viewer;
    }

    /// <summary>The kept frames, oldest first, with their arrival time (Unix ms).</summary>
    public IReadOnlyList<(byte[] Data, long ArrivedUnixMs)> Recent()
    {
        lock (_recent)
        {
            return _recent.ToArray();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        await _reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 20];
        try
        {
            var first = true;
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
                    LostReason = $"closed: {_socket.CloseStatus} {_socket.CloseStatusDescription}";
                    return;
                }

                if (first || result.MessageType != WebSocketMessageType.Binary)
                {
                    first = false;
                    continue;
                }

                Interlocked.Increment(ref _frames);
                if (_keepRecent)
                {
                    Keep(buffer[..length]);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            LostReason ??= e.Message;
        }
    }

    private void Keep(byte[] frame)
    {
        lock (_recent)
        {
            _recent.Enqueue((frame, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            while (_recent.Count > Kept)
            {
                _recent.Dequeue();
            }
        }
    }
}
