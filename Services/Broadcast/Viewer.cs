using System.Diagnostics;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace PiStream.Services.Broadcast;

/// <summary>
/// One connected WebSocket viewer: a bounded queue fed by the <see cref="Broadcaster"/> without waiting, one send loop
/// that drains it (never two sends at once), and a receive loop that discards what the client sends (1 KB at a time, at
/// most <see cref="ViewerOptions.MaxReceivedBytes"/> in all) and notices when it leaves. A viewer whose queue overflows
/// skips ahead to the next keyframe (never a partial frame; text events are kept, <see cref="PendingText"/>); one that
/// stays behind for <see cref="ViewerOptions.MaxBehind"/> is closed with a reason, and so is one whose send has not
/// completed for that long (it stopped reading), even when no new frame comes to notice it (the encoder restarting).
/// A caught-up viewer's send loop runs on the thread that queues the message (<see cref="SendDoorbell"/>).
/// </summary>
internal sealed class Viewer : IDisposable
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromMilliseconds(500);
    private readonly WebSocket _socket;
    private readonly ViewerOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<StreamMessage> _queue;
    private readonly PendingText _pendingText = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SendWatchdog _sendWatchdog;
    private readonly SendDoorbell _doorbell = new();
    private bool _skipping;
    private long _behindSince;
    private ViewerClosing? _closing;
    private int _joined;
    private long _framesSent;
    private long _bytesSent;
    private long _framesSkipped;

    public Viewer(WebSocket socket, string remote, ViewerOptions options, ILogger logger)
    {
        _socket = socket;
        Remote = remote;
        _options = options;
        _logger = logger;
        _sendWatchdog = new SendWatchdog(options.MaxBehind, OnSendStuck);
        _queue = Channel.CreateBounded<StreamMessage>(new BoundedChannelOptions(options.QueueFrames)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public string Remote { get; }

    public bool IsClosed => Volatile.Read(ref _closing) is not null;

    public string? CloseReason => Volatile.Read(ref _closing)?.Reason;

    /// <summary>True once the viewer was handed to the broadcaster (after its header was sent); cleared by <see cref="TryForget"/>.</summary>
    public bool HasJoined => Volatile.Read(ref _joined) == 1;

    public long FramesSent => Interlocked.Read(ref _framesSent);

    /// <summary>Payload bytes sent so far (video frames and text events).</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long FramesSkipped => Interlocked.Read(ref _framesSkipped);

    /// <summary>Queues a video frame without waiting. Called by the broadcast path only.</summary>
    public void Offer(StreamMessage frame, long now)
    {
        if (IsClosed)
        {
            return;
        }

        if (_skipping)
        {
            if (!frame.IsKeyframe)
            {
                Interlocked.Increment(ref _framesSkipped);
                CloseIfBehindTooLong(now);
                return;
            }

            DropQueued();
            _skipping = false;
        }

        frame.AddReference();
        if (_queue.Writer.TryWrite(frame))
        {
            _doorbell.Ring();
            return;
        }

        frame.Release();
        Interlocked.Increment(ref _framesSkipped);
        _skipping = true;
        Interlocked.CompareExchange(ref _behindSince, now, 0);
        CloseIfBehindTooLong(now);
    }

    /// <summary>Queues a text event (e.g. a new camera orientation); kept aside while the queue is full (<see cref="PendingText"/>), never dropped for video.</summary>
    public void OfferText(StreamMessage message)
    {
        if (IsClosed)
        {
            return;
        }

        message.AddReference();
        if (!_queue.Writer.TryWrite(message))
        {
            _pendingText.Add(message); // a full queue: kept aside and sent before the next frame
        }

        _doorbell.Ring();
    }

    /// <summary>Sends the stream header, then runs until the client leaves, the viewer is closed, or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(ReadOnlyMemory<byte> header, Action<Viewer> joined, CancellationToken stopping)
    {
        using var onStopping = stopping.Register(() => Close("server shutting down", WebSocketCloseStatus.EndpointUnavailable, ShutdownGrace));
        try
        {
            _sendWatchdog.Start();
            _sendWatchdog.Sending();
            await _socket.SendAsync(header, WebSocketMessageType.Binary, endOfMessage: true, _stop.Token);
            _sendWatchdog.Sent();
            Volatile.Write(ref _joined, 1);
            joined(this);
            var receiving = ReceiveLoopAsync();
            var sending = ContextFreeStart.Run(SendLoopAsync); // no request context to restore around each frame sent
            await Task.WhenAny(receiving, sending);
            Close("client left", WebSocketCloseStatus.NormalClosure, ShutdownGrace);
            await sending;
            await SayGoodbyeAsync();
            await receiving;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            Close("connection lost", WebSocketCloseStatus.NormalClosure, TimeSpan.Zero);
        }
        finally
        {
            Close("connection ended", WebSocketCloseStatus.NormalClosure, TimeSpan.Zero);
            await _sendWatchdog.DisposeAsync();
            DropQueued();
        }
    }

    /// <summary>Frees the close timer. A <see cref="Close"/> that arrives later (the broadcaster, a shutdown) does nothing.</summary>
    public void Dispose()
    {
        _stop.Dispose();
        _pendingText.Clear();
    }

    /// <summary>True exactly once for a viewer that had joined: the broadcaster counts it out then.</summary>
    public bool TryForget() => Interlocked.Exchange(ref _joined, 0) == 1;

    /// <summary>Stops the viewer: no more frames are queued, and the socket is closed within <paramref name="grace"/>.</summary>
    public void Close(string reason, WebSocketCloseStatus status, TimeSpan grace)
    {
        if (Interlocked.CompareExchange(ref _closing, new ViewerClosing(reason, status), null) is not null)
        {
            return;
        }

        _queue.Writer.TryComplete();
        _doorbell.Ring();
        try
        {
            _stop.CancelAfter(grace);
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }
    }

    private void CloseIfBehindTooLong(long now)
    {
        var since = Interlocked.Read(ref _behindSince);
        if (since != 0 && Stopwatch.GetElapsedTime(since, now) > _options.MaxBehind)
        {
            _logger.LogWarning("Closing viewer {Remote}: it fell behind for more than {Limit}", Remote, _options.MaxBehind);
            Close($"viewer too slow: behind for more than {_options.MaxBehind.TotalSeconds:0} s", WebSocketCloseStatus.PolicyViolation, TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>A send has waited <see cref="ViewerOptions.MaxBehind"/>: the client stopped reading (its network buffers are full).</summary>
    private void OnSendStuck()
    {
        if (IsClosed)
        {
            return;
        }

        _logger.LogWarning("Closing viewer {Remote}: it has not read anything for more than {Limit}", Remote, _options.MaxBehind);
        Close($"viewer too slow: not reading for more than {_options.MaxBehind.TotalSeconds:0} s", WebSocketCloseStatus.PolicyViolation, ShutdownGrace);
    }

    private async Task SendLoopAsync()
    {
        var reader = _queue.Reader;
        var abortOnStop = _stop.Token.UnsafeRegister(static socket => ((WebSocket)socket!).Abort(), _socket);
        try
        {
            while (true)
            {
                while (!IsClosed && (_pendingText.TryTake(out var frame) || reader.TryRead(out frame)))
                {
                    try
                    {
                        _sendWatchdog.Sending();
                        // No token: a cancelable one costs each send a registration and an async state machine. A send still
                        // pending when _stop fires ends because the socket is aborted (abortOnStop).
                        await _socket.SendAsync(frame.Data, frame.MessageType, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                        _sendWatchdog.Sent();
                        Interlocked.Add(ref _bytesSent, frame.Length);
                    }
                    finally
                    {
                        frame.Release();
                    }

                    Interlocked.Increment(ref _framesSent);
                }

                if (IsClosed)
                {
                    break;
                }

                if (reader.Count == 0)
                {
                    Interlocked.Exchange(ref _behindSince, 0);
                }

                _doorbell.Arm(); // ConfigureAwait(false) below: the loop goes on on the thread that rang
                if ((reader.Count > 0 || IsClosed) && _doorbell.TryDisarm())
                {
                    continue;
                }

                await _doorbell.WaitAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            Close("send failed", WebSocketCloseStatus.NormalClosure, TimeSpan.Zero);
        }
        finally
        {
            abortOnStop.Dispose(); // the goodbye after the loop may still close the socket gracefully
        }

        // The loop may have run on the broadcast path: the viewer's goodbye and clean-up continue on the thread pool.
        await Task.Yield();
    }

    private Task ReceiveLoopAsync() => ViewerReceiver.DiscardAsync(_socket, _options.MaxReceivedBytes, () =>
    {
        _logger.LogWarning("Closing viewer {Remote}: it sent more than {Limit} bytes (viewers only watch)", Remote, _options.MaxReceivedBytes);
        Close("viewers must not send data", WebSocketCloseStatus.PolicyViolation, ShutdownGrace);
    }, _stop.Token);

    private async Task SayGoodbyeAsync()
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            var closing = Volatile.Read(ref _closing)!;
            await _socket.CloseOutputAsync(closing.Status, closing.Reason, _stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    private void DropQueued()
    {
        while (_queue.Reader.TryRead(out var stale))
        {
            _pendingText.KeepIfText(stale, IsClosed); // a state change outlives the video it was queued with
        }
    }
}
