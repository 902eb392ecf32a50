using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PiStream.Services.Capture;
using PiStream.Services.Processes;

namespace PiStream.Services.Publish;

/// <summary>
/// Encodes H.264 once for every publish target (the live stream's codec is MPEG-1): raw frames from the
/// <see cref="RawFrameHub"/> go through a small bounded, dropping queue into one libx264 ffmpeg, and each
/// piece of its MPEG-TS output is offered to every <see cref="PublishTargetRunner"/>, which copies or drops it.
/// <see cref="Offer"/> is on the live path and never waits.
/// </summary>
internal sealed class PublishEncoder
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(1);
    private readonly PublishOptions _options;
    private readonly IReadOnlyList<PublishTargetRunner> _targets;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _frameSize;
    private readonly int _maxBuffers;
    private readonly Channel<byte[]> _queue;
    private readonly ConcurrentQueue<byte[]> _free = new();
    private int _allocated;
    private long _dropped;

    public PublishEncoder(PublishOptions options, IReadOnlyList<PublishTargetRunner> targets, TimeProvider time, ILogger logger)
    {
        _options = options;
        _targets = targets;
        _time = time;
        _logger = logger;
        _frameSize = options.Format.FrameSize;
        var capacity = Math.Max(2, options.Format.Framerate / 2);
        _maxBuffers = capacity + 1;
        _queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Raw frames the publish encoder had no room for (the live stream was not held up for them).</summary>
    public long FramesDropped => Interlocked.Read(ref _dropped);

    /// <summary>Takes a copy of <paramref name="frame"/> to encode, or drops it at once when the encoder is behind.</summary>
    public void Offer(ReadOnlySpan<byte> frame)
    {
        if (frame.Length != _frameSize)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        if (!_free.TryDequeue(out var buffer))
        {
            if (Interlocked.Increment(ref _allocated) > _maxBuffers)
            {
                Interlocked.Decrement(ref _allocated);
                Interlocked.Increment(ref _dropped);
                return;
            }

            buffer = new byte[_frameSize];
        }

        frame.CopyTo(buffer);
        if (!_queue.Writer.TryWrite(buffer))
        {
            _free.Enqueue(buffer);
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Encodes until cancelled, starting ffmpeg again a second after it fails.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var reason = await RunOnceAsync(cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            _logger.LogError("The H.264 encoder for publishing stopped: {Reason}. Starting it again in {Delay} s; the live stream goes on", reason, RestartDelay.TotalSeconds);
            try
            {
                await Task.Delay(RestartDelay, _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<string> RunOnceAsync(CancellationToken cancellationToken)
    {
        var arguments = PublishArguments.Encoder(_options.Format, _options.BitrateBitsPerSecond, _options.KeyframeInterval, _options.HorizontalFlip, _options.VerticalFlip);
        await using var process = ChildProcess.Start(_options.FfmpegPath, arguments, _logger);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fanOut = FanOutAsync(process.Output, attempt);
        try
        {
            await foreach (var buffer in _queue.Reader.ReadAllAsync(attempt.Token))
            {
                try
                {
                    await process.Input.WriteAsync(buffer, attempt.Token);
                }
                finally
                {
                    _free.Enqueue(buffer);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // Stopping, or ffmpeg exited.
        }

        await attempt.CancelAsync();
        await fanOut;
        return process.DescribeExit();
    }

    /// <summary>Hands every piece of the encoder's output to every target (each copies or drops; none waits). Ends the attempt at EOF.</summary>
    private async Task FanOutAsync(Stream output, CancellationTokenSource attempt)
    {
        var buffer = new byte[188 * 64];
        try
        {
            int read;
            while ((read = await output.ReadAsync(buffer, attempt.Token)) > 0)
            {
                foreach (var target in _targets)
                {
                    target.Offer(buffer.AsSpan(0, read));
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Stopping, or ffmpeg went away.
        }

        await attempt.CancelAsync();
    }
}
