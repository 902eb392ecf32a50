using System.IO.Pipelines;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;

namespace PiStream.Services.Jpeg;

/// <summary>
/// One /stream.mjpg client: a queue of one picture where the newest wins (a picture the client had no time to
/// take is replaced and counted as skipped, never queued up), and one send loop that writes each picture as a
/// multipart part, at most <c>fps</c> a second. A client whose single write takes longer than
/// <see cref="ViewerOptions.MaxBehind"/> is closed as too slow. <see cref="Offer"/> never waits.
/// </summary>
internal sealed class MjpegClient
{
    public const string Kind = "mjpeg";
    private readonly Channel<JpegFrame> _queue;
    private readonly TimeSpan _minInterval;
    private readonly TimeSpan _maxSendTime;
    private readonly ViewerMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _sent;
    private long _bytesSent;
    private long _skipped;
    private string? _closeReason;

    public MjpegClient(string remote, double? fps, TimeSpan maxSendTime, ViewerMetrics metrics, TimeProvider time, ILogger logger)
    {
        Remote = remote;
        Fps = fps;
        _minInterval = fps is { } rate ? TimeSpan.FromSeconds(1 / rate) : TimeSpan.Zero;
        _maxSendTime = maxSendTime;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<JpegFrame>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            _ => Interlocked.Increment(ref _skipped));
    }

    public string Remote { get; }

    /// <summary>The most pictures a second the client asked for (null: every frame).</summary>
    public double? Fps { get; }

    public long FramesSent => Interlocked.Read(ref _sent);

    public long FramesSkipped => Interlocked.Read(ref _skipped);

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public string? CloseReason => Volatile.Read(ref _closeReason);

    public bool IsClosed => CloseReason is not null;

    /// <summary>Hands the client a new picture; an untaken older one is dropped. Called by one encoder output thread.</summary>
    public void Offer(JpegFrame frame) => _queue.Writer.TryWrite(frame);

    /// <summary>Ends the send loop after the part being written.</summary>
    public void Close(string reason)
    {
        if (Interlocked.CompareExchange(ref _closeReason, reason, null) is null)
        {
            _queue.Writer.TryComplete();
        }
    }

    /// <summary>Writes pictures to <paramref name="writer"/> until the client leaves, is closed, or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(PipeWriter writer, CancellationToken cancellationToken)
    {
        using var sendTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lastSent = 0L;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken))
            {
                if (_minInterval > TimeSpan.Zero && lastSent != 0)
                {
                    var wait = _minInterval - _time.GetElapsedTime(lastSent);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _time, cancellationToken); // the queue keeps the newest picture meanwhile
                    }
                }

                if (!_queue.Reader.TryRead(out var frame))
                {
                    continue;
                }

                lastSent = _time.GetTimestamp();
                sendTimeout.CancelAfter(_maxSendTime);
                var bytes = await MultipartWriter.WritePartAsync(writer, frame.Data, sendTimeout.Token);
                if (!sendTimeout.TryReset())
                {
                    break;
                }

                Interlocked.Increment(ref _sent);
                Interlocked.Add(ref _bytesSent, bytes);
            }
        }
        catch (OperationCanceledException) when (sendTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Closing MJPEG client {Remote}: one picture took more than {Limit} to send", Remote, _maxSendTime);
            _metrics.ClosedSlow(Kind);
            Close($"client too slow: a picture took more than {_maxSendTime.TotalSeconds:0} s to send");
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client left (its connection aborted the writes) or the server is stopping.
        }
        finally
        {
            Close("connection ended");
        }
    }
}
