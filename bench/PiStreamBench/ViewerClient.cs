using System.Buffers.Text;
using System.Net.WebSockets;

namespace PiStream.Bench;

/// <summary>
/// A light viewer (no browser, no decoding): reads every message, counts video frames and bytes while
/// <see cref="Measuring"/>, and, when the server sends frame times (<c>--bench-timestamps</c>), records
/// each frame's delivery delay: the moment it has the whole frame minus the time the server sent before it.
/// </summary>
internal sealed class ViewerClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly List<double> _delays = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private long _frames;
    private long _bytes;

    public volatile bool Measuring;

    public long Frames => Interlocked.Read(ref _frames);

    public long Bytes => Interlocked.Read(ref _bytes);

    public Exception? Failure { get; private set; }

    public static async Task<ViewerClient> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var client = new ViewerClient();
        try
        {
            await client._socket.ConnectAsync(uri, cancellationToken);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }

        client._receiving = client.ReceiveLoopAsync();
        return client;
    }

    /// <summary>Forgets what was counted so far (the start of a measurement window).</summary>
    public void Restart()
    {
        lock (_delays)
        {
            _delays.Clear();
            Interlocked.Exchange(ref _frames, 0);
            Interlocked.Exchange(ref _bytes, 0);
        }
    }

    public double[] Delays()
    {
        lock (_delays)
        {
            return [.. _delays];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[512 * 1024];
        double? sentAt = null;
        var headerSeen = false;
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

                var now = UnixTime.NowMs();
                if (result.MessageType == WebSocketMessageType.Text)
                {
                    sentAt = ParseTime(buffer.AsSpan(0, length));
                }
                else if (!headerSeen)
                {
                    headerSeen = true;
                }
                else if (Measuring)
                {
                    Count(length, sentAt is { } sent ? now - sent : null);
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    sentAt = null;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            if (!_stop.IsCancellationRequested)
            {
                Failure = e;
            }
        }
    }

    private void Count(int length, double? delay)
    {
        lock (_delays)
        {
            Interlocked.Increment(ref _frames);
            Interlocked.Add(ref _bytes, length);
            if (delay is { } ms)
            {
                _delays.Add(ms);
            }
        }
    }

    /// <summary>Reads <c>{"t":1712345678901.234}</c> (the only text the server sends in bench mode).</summary>
    private static double? ParseTime(ReadOnlySpan<byte> text)
    {
        var start = text.IndexOf((byte)':');
        return start >= 0 && Utf8Parser.TryParse(text[(start + 1)..], out double value, out _) ? value : null;
    }
}
