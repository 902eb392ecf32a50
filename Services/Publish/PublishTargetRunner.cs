using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Processes;

namespace PiStream.Services.Publish;

/// <summary>
/// Pushes the shared H.264 to one target through its own ffmpeg muxer (<see cref="PublishArguments.Muxer"/>)
/// fed from its own bounded queue: <see cref="Offer"/> copies a chunk in or drops it at once, so a slow or
/// dead server never holds up the encoder, the live stream or the other targets. A failed or dropped
/// connection is tried again after <see cref="PublishBackoff"/>, forever; the state changes are logged once each.
/// </summary>
internal sealed class PublishTargetRunner
{
    private const int QueueCapacity = 256;
    private readonly string _ffmpegPath;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<PublishChunk> _queue = Channel.CreateBounded<PublishChunk>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private long _dropped;

    public PublishTargetRunner(string ffmpegPath, PublishTarget target, TimeProvider time, ILogger logger)
    {
        _ffmpegPath = ffmpegPath;
        _time = time;
        _logger = logger;
        State = new PublishTargetState(target, time, logger);
    }

    public PublishTargetState State { get; }

    /// <summary>Chunks this target lost because its queue was full (its server or muxer fell behind, or it was between attempts).</summary>
    public long ChunksDropped => Interlocked.Read(ref _dropped);

    public PublishTargetStatus Status() => State.Status(ChunksDropped);

    /// <summary>Queues a copy of <paramref name="data"/> for this target, or drops it at once when the queue is full.</summary>
    public void Offer(ReadOnlySpan<byte> data)
    {
        var chunk = PublishChunk.CopyOf(data);
        if (!_queue.Writer.TryWrite(chunk))
        {
            chunk.Return();
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Publishes until cancelled, starting the muxer again with backoff whenever it ends.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        var attempts = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            State.Attempting();
            DiscardQueued();
            var reason = await RunOnceAsync(attempts++ == 0 ? _logger : NullLogger.Instance, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            failures = State.State == PublishState.Live ? 1 : failures + 1;
            var delay = PublishBackoff.Delay(failures);
            State.Failed(reason, delay);
            try
            {
                await Task.Delay(delay, _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One connection: the muxer runs until it exits (the server went away) or publishing stops. Returns why it ended.</summary>
    private async Task<string> RunOnceAsync(ILogger processLogger, CancellationToken cancellationToken)
    {
        await using var process = ChildProcess.Start(_ffmpegPath, PublishArguments.Muxer(State.Target), processLogger, LogLevel.Debug);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progress = ReadProgressAsync(process.Output, attempt);
        try
        {
            await foreach (var chunk in _queue.Reader.ReadAllAsync(attempt.Token))
            {
                try
                {
                    await process.Input.WriteAsync(chunk.Memory, attempt.Token);
                }
                finally
                {
                    chunk.Return();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The muxer's output ended (it exited) or publishing stops.
        }
        catch (IOException)
        {
            // The muxer exited while being written to.
        }

        await attempt.CancelAsync();
        await progress;
        if (cancellationToken.IsCancellationRequested)
        {
            return "stopped";
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await ((Task)process.WaitForExitAsync(wait.Token)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return process.DescribeExit();
    }

    /// <summary>Reads ffmpeg's <c>-progress</c> lines: <c>total_size=N</c> is what the server took so far. Ends the attempt at EOF.</summary>
    private async Task ReadProgressAsync(Stream output, CancellationTokenSource attempt)
    {
        using var reader = new StreamReader(output);
        try
        {
            while (await reader.ReadLineAsync(attempt.Token) is { } line)
            {
                if (line.StartsWith("total_size=", StringComparison.Ordinal)
                    && long.TryParse(line.AsSpan("total_size=".Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes))
                {
                    State.Sent(bytes);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Publishing stops, or the muxer went away mid-line.
        }

        await attempt.CancelAsync();
    }

    private void DiscardQueued()
    {
        while (_queue.Reader.TryRead(out var chunk))
        {
            chunk.Return();
        }
    }
}
