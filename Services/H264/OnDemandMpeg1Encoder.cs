using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;
using PiStream.Services.Encoding;

namespace PiStream.Services.H264;

/// <summary>
/// When the live stream is H.264, pistreaming's clients on <c>--ws-port</c> still need MPEG-1: this runs a second
/// ffmpeg (MPEG-1 in MPEG-TS, the same arguments as the MPEG-1 live stream) only while <paramref name="clients"/>
/// is above zero, fed with copies of the raw frames (<see cref="Offer"/>, never waiting: a full queue drops the
/// frame), and publishes its TS messages to <paramref name="publish"/> (the pistreaming feed, which unwraps them).
/// It stops <see cref="IdleGrace"/> after the last client leaves, and <paramref name="reset"/> is called between runs.
/// </summary>
internal sealed class OnDemandMpeg1Encoder(
    LiveEncoderPlan plan,
    int frameSize,
    Func<int> clients,
    Action<StreamMessage> publish,
    Action reset,
    ILogger logger)
{
    private const int QueueFrames = 3;
    private readonly Channel<byte[]> _queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(QueueFrames) { SingleReader = true });
    private readonly ConcurrentQueue<byte[]> _free = new();
    private readonly StreamMessagePool _pool = new();
    private int _allocated;
    private volatile bool _running;
    private long _runs;

    /// <summary>How long the encoder keeps running with no client (a page reload should not restart it).</summary>
    public TimeSpan IdleGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>True while the MPEG-1 ffmpeg runs.</summary>
    public bool IsRunning => _running;

    /// <summary>How many times the encoder was started.</summary>
    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>Takes a copy of a raw frame while the encoder runs; drops it at once otherwise or when it is behind.</summary>
    public void Offer(ReadOnlySpan<byte> frame)
    {
        if (!_running || frame.Length != frameSize)
        {
            return;
        }

        if (!_free.TryDequeue(out var buffer))
        {
            if (Interlocked.Increment(ref _allocated) > QueueFrames + 2)
            {
                Interlocked.Decrement(ref _allocated);
                return;
            }

            buffer = new byte[frameSize];
        }

        frame.CopyTo(buffer);
        if (!_queue.Writer.TryWrite(buffer))
        {
            _free.Enqueue(buffer);
        }
    }

    /// <summary>Waits for a client, encodes while there is one, and again, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await poll.WaitForNextTickAsync(cancellationToken))
            {
                if (clients() == 0)
                {
                    continue;
                }

                try
                {
                    await EncodeWhileWatchedAsync(cancellationToken);
                }
                catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
                {
                    logger.LogWarning("The MPEG-1 encoder for --ws-port could not start: {Error}", e.Message);
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // serve is stopping.
        }
    }

    private async Task EncodeWhileWatchedAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        logger.LogInformation("A pistreaming client connected: starting the MPEG-1 encoder for --ws-port");
        var encoder = LiveEncoder.Start(plan, _pool, publish, logger);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = WatchClientsAsync(idle);
        _running = true;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(idle.Token) && !encoder.Completion.IsCompleted)
            {
                while (_queue.Reader.TryRead(out var frame))
                {
                    try
                    {
                        await encoder.WriteFrameAsync(frame);
                    }
                    finally
                    {
                        _free.Enqueue(frame);
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // No client for a while, serve stopping, or ffmpeg died (the next client starts a new one).
        }
        finally
        {
            _running = false;
            await idle.CancelAsync();
            await watch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            while (_queue.Reader.TryRead(out var stale))
            {
                _free.Enqueue(stale);
            }
        }

        await encoder.DisposeAsync();
        reset();
        logger.LogInformation("No pistreaming client left: the MPEG-1 encoder stopped");
    }

    private async Task WatchClientsAsync(CancellationTokenSource idle)
    {
        var lastSeen = DateTime.UtcNow;
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await poll.WaitForNextTickAsync(idle.Token))
        {
            if (clients() > 0)
            {
                lastSeen = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - lastSeen > IdleGrace)
            {
                await idle.CancelAsync();
                return;
            }
        }
    }
}
