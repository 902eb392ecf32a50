using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Broadcast;
using PiStream.Services.Muxing;
using PiStream.Services.Processes;

namespace PiStream.Services.Publish;

/// <summary>
/// Pushes the shared H.264 to one target through its own ffmpeg muxer (<see cref="PublishArguments.Muxer"/>)
/// fed from its own bounded <see cref="AccessUnitQueue"/>: <see cref="Offer"/> takes a picture or drops it at once
/// (and what follows up to the next keyframe), so a slow or dead server never holds up the encoder, the live
/// stream or the other targets. A failed or dropped
/// connection is tried again after <see cref="PublishBackoff"/>, forever; the state changes are logged once each.
/// </summary>
internal sealed class PublishTargetRunner
{
    private readonly string _ffmpegPath;
    private readonly int _framerate;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AccessUnitQueue _queue;

    public PublishTargetRunner(string ffmpegPath, PublishTarget target, int framerate, TimeProvider time, ILogger logger)
    {
        _ffmpegPath = ffmpegPath;
        _framerate = framerate;
        _queue = new AccessUnitQueue(2 * Math.Max(4, framerate)); // two seconds of pictures
        _time = time;
        _logger = logger;
        State = new PublishTargetState(target, time, logger);
    }

    public PublishTargetState State { get; }

    /// <summary>Pictures this target lost because its queue was full (its server or muxer fell behind, or it was between attempts).</summary>
    public long ChunksDropped => _queue.Dropped;

    public PublishTargetStatus Status() => State.Status(ChunksDropped);

    /// <summary>Queues an access unit for this target, or drops it at once when the queue is full.</summary>
    public void Offer(StreamMessage accessUnit) => _queue.Offer(accessUnit);

    /// <summary>Publishes until cancelled, starting the muxer again with backoff whenever it ends.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        var attempts = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            State.Attempting();
            _queue.Discard();
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
        await using var process = ChildProcess.Start(_ffmpegPath, PublishArguments.Muxer(State.Target, _framerate), processLogger, LogLevel.Debug);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progress = ReadProgressAsync(process.Output, attempt);
        var changed = false;
        try
        {
            changed = await _queue.CopyToAsync(process.Input, attempt.Token);
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

        if (changed)
        {
            await process.StopAsync(TimeSpan.FromSeconds(2));
            return "the H.264 stream changed its parameters (its encoder was restarted)";
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await ((Task)process.WaitForExitAsync(wait.Token)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return process.DescribeExit();
    }

    /// <summary>
    /// Reads ffmpeg's <c>-progress</c> lines: <c>total_size=N</c> is what the server took so far. RTSP reports no
    /// size (<c>total_size=N/A</c>): once <c>frame=</c> counts pictures sent, the bytes handed to the muxer stand in.
    /// Ends the attempt at EOF.
    /// </summary>
    private async Task ReadProgressAsync(Stream output, CancellationTokenSource attempt)
    {
        using var reader = new StreamReader(output);
        var copiedBefore = _queue.BytesCopied;
        long frames = 0;
        try
        {
            while (await reader.ReadLineAsync(attempt.Token) is { } line)
            {
                if (line.StartsWith("frame=", StringComparison.Ordinal))
                {
                    _ = long.TryParse(line.AsSpan("frame=".Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out frames);
                }
                else if (line.StartsWith("total_size=", StringComparison.Ordinal))
                {
                    if (long.TryParse(line.AsSpan("total_size=".Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes))
                    {
                        State.Sent(bytes);
                    }
                    else if (frames > 0)
                    {
                        State.Sent(_queue.BytesCopied - copiedBefore);
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Publishing stops, or the muxer went away mid-line.
        }

        await attempt.CancelAsync();
    }
}
