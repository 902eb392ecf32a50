using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PiStream.Services.Capture;

namespace PiStream.Services.Jpeg;

/// <summary>
/// JPEGs of one size, made only while someone asks: the encoder (ffmpeg, <see cref="JpegEncoder"/>) starts when the
/// first MJPEG client or snapshot arrives, takes raw frames from the <see cref="RawFrameHub"/> while it runs, and
/// stops (leaving the hub) once no client is connected and the last snapshot's keep-alive has passed. One encode
/// per frame is shared by every client of this size. An encoder that dies while in use is started again.
/// </summary>
internal sealed class JpegChannel : IAsyncDisposable
{
    private static readonly TimeSpan IdleCheck = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(1);
    private readonly Lock _lock = new();
    private readonly string _ffmpegPath;
    private readonly RawFrameHub _hub;
    private readonly JpegMetrics _metrics;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _disposed = new();
    private MjpegClient[] _clients = [];
    private int _snapshotsWaiting;
    private long _keepUntil;
    private Task? _running;
    private JpegEncoder? _encoder;
    private int _generation;
    private Picture? _latest;
    private TaskCompletionSource _next = NewSignal();

    public JpegChannel(JpegEncoderSettings settings, string ffmpegPath, RawFrameHub hub, JpegMetrics metrics, ILogger logger)
    {
        Settings = settings;
        _ffmpegPath = ffmpegPath;
        _hub = hub;
        _metrics = metrics;
        _logger = logger;
    }

    public JpegEncoderSettings Settings { get; }

    /// <summary>True while an encoder runs (or is being started or stopped).</summary>
    public bool IsRunning => Volatile.Read(ref _running) is not null;

    public IReadOnlyList<MjpegClient> Clients => Volatile.Read(ref _clients);

    public void AddClient(MjpegClient client)
    {
        lock (_lock)
        {
            _clients = [.. _clients, client];
            EnsureRunning();
        }
    }

    public void RemoveClient(MjpegClient client)
    {
        lock (_lock)
        {
            _clients = [.. _clients.Where(other => other != client)];
        }
    }

    /// <summary>
    /// The picture of the newest frame: one captured no earlier than the newest frame at the time of the call (so
    /// at most one frame interval old then), or null when none came within <paramref name="timeout"/>. The encoder
    /// stays up for <paramref name="keepAlive"/> afterwards, so a series of snapshots does not start it each time.
    /// </summary>
    public async Task<JpegFrame?> SnapshotAsync(TimeSpan keepAlive, TimeSpan timeout, CancellationToken cancellationToken)
    {
        int generation;
        long wanted;
        bool needsNewRun;
        lock (_lock)
        {
            _snapshotsWaiting++;
            needsNewRun = _encoder is null;
            EnsureRunning();
            generation = Volatile.Read(ref _generation);
            wanted = _encoder?.LastOffered ?? 0;
        }

        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            while (true)
            {
                var next = Volatile.Read(ref _next).Task;
                if (Volatile.Read(ref _latest) is { } latest && IsFresh(latest, generation, wanted, needsNewRun))
                {
                    _metrics.Snapshot();
                    return latest.Frame;
                }

                try
                {
                    await next.WaitAsync(deadline.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return null;
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _snapshotsWaiting--;
                var until = Stopwatch.GetTimestamp() + (long)(keepAlive.TotalSeconds * Stopwatch.Frequency);
                _keepUntil = Math.Max(_keepUntil, until);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        Task? running;
        lock (_lock)
        {
            running = _running;
        }

        if (running is not null)
        {
            await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _disposed.Dispose();
    }

    /// <summary>
    /// From an encoder run that started after the call, or from the run of the call with a frame at least as new as
    /// the newest it had been offered; and never older than <see cref="MaxAge"/> (a capture that stopped gives none).
    /// </summary>
    private bool IsFresh(Picture latest, int generation, long wanted, bool needsNewRun)
    {
        var newer = latest.Generation > generation || (!needsNewRun && latest.Generation == generation && latest.Frame.Sequence >= wanted);
        return newer && Stopwatch.GetElapsedTime(latest.Frame.OfferedAt) <= MaxAge;
    }

    private TimeSpan MaxAge => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(2).Ticks, Settings.Source.FrameInterval.Ticks * 3));

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void EnsureRunning()
    {
        if (_running is null && !_disposed.IsCancellationRequested)
        {
            _running = RunAsync(_disposed.Token);
        }
    }

    private bool IsWanted() =>
        _clients.Length > 0 || _snapshotsWaiting > 0 || Stopwatch.GetTimestamp() < _keepUntil;

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var generation = Interlocked.Increment(ref _generation);
                _metrics.Started(Settings.Width);
                _logger.LogInformation("Starting a {Width}x{Height} JPEG encoder", Settings.Width, Settings.Height);
                var encoder = JpegEncoder.Start(_ffmpegPath, Settings, frame => OnPicture(generation, frame), _logger);
                Volatile.Write(ref _encoder, encoder);
                var ended = false;
                using (_hub.Subscribe(frame => encoder.Offer(frame)))
                {
                    using var timer = new PeriodicTimer(IdleCheck);
                    while (!ended && await WaitAsync(timer, cancellationToken))
                    {
                        ended = encoder.Completion.IsCompleted;
                        lock (_lock)
                        {
                            if (!ended && !IsWanted())
                            {
                                _running = null;
                                _encoder = null;
                                break;
                            }
                        }
                    }
                }

                Interlocked.CompareExchange(ref _encoder, null, encoder);
                await encoder.DisposeAsync();
                if (!ended)
                {
                    _logger.LogInformation("Stopped the {Width}x{Height} JPEG encoder: nobody asks for pictures", Settings.Width, Settings.Height);
                    return;
                }

                _logger.LogWarning("The {Width}x{Height} JPEG encoder stopped: {Reason}. Restarting in {Delay} s", Settings.Width, Settings.Height, encoder.DescribeExit(), RestartDelay.TotalSeconds);
                await Task.Delay(RestartDelay, cancellationToken);
                lock (_lock)
                {
                    if (!IsWanted())
                    {
                        _running = null;
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: serve is stopping.
        }
        finally
        {
            lock (_lock)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    _running = null;
                }
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void OnPicture(int generation, JpegFrame frame)
    {
        _metrics.Encoded(frame, Settings.Width);
        if (Volatile.Read(ref _latest) is { } latest && latest.Generation > generation)
        {
            return; // a late picture of an encoder that was replaced
        }

        Volatile.Write(ref _latest, new Picture(generation, frame));
        Interlocked.Exchange(ref _next, NewSignal()).TrySetResult();
        foreach (var client in Volatile.Read(ref _clients))
        {
            client.Offer(frame);
        }
    }

    private sealed record Picture(int Generation, JpegFrame Frame);
}
