using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;

namespace PiStream.Services.Pipeline;

/// <summary>
/// Runs capture -> ffmpeg -> broadcast and keeps it running: when the capture source or ffmpeg dies,
/// or the source stops sending frames (watchdog), both are stopped, the failure is logged, and the
/// pair is started again after the <see cref="RestartPolicy"/>'s backoff. Viewers stay connected
/// throughout and get picture again from the new encoder's first keyframe. Each captured frame is first
/// offered to the <see cref="RawFrameHub"/> (JPEG snapshots, the on-demand MPEG-1 and other raw-frame features).
/// </summary>
internal sealed class StreamPipeline(
    ICaptureSource source,
    LiveEncoderPlan plan,
    Broadcaster broadcaster,
    StreamMessagePool pool,
    RawFrameHub rawFrames,
    RestartPolicy policy,
    ILogger<StreamPipeline> logger,
    EncodeLatency? latency = null)
{
    private LiveEncoder? _encoder;

    /// <summary>The ffmpeg of the current run, if one is running (fault tests kill it).</summary>
    public LiveEncoder? CurrentEncoder => Volatile.Read(ref _encoder);

    /// <summary>Why the stream last stopped and was restarted (null: it never was); /healthz names it.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>The capture source the pipeline runs.</summary>
    public ICaptureSource Source => source;

    /// <summary>False when the live encoder captures by itself (rpicam-vid's H.264): no raw frame reaches the hub then.</summary>
    public bool CapturesRawFrames => plan.TakesRawFrames;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        TimeSpan? delay = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            var reason = await RunOnceAsync(cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            var ran = Stopwatch.GetElapsedTime(started);
            delay = delay is { } previous ? policy.Next(previous, ran) : policy.InitialDelay;
            broadcaster.Stats.OnEncoderRestart();
            LastFailure = reason;
            logger.LogWarning("Stream stopped after {Seconds:0.0} s: {Reason}. Restarting in {Delay:0.#} s", ran.TotalSeconds, reason, delay.Value.TotalSeconds);
            try
            {
                await Task.Delay(delay.Value, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<string> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lastFrame = Stopwatch.GetTimestamp() + (long)(policy.StallTimeout.TotalSeconds * Stopwatch.Frequency);
        Action<StreamMessage> publish = plan.TakesRawFrames ? broadcaster.Publish : frame =>
        {
            Volatile.Write(ref lastFrame, Stopwatch.GetTimestamp()); // an encoder that captures by itself: watch its pictures
            broadcaster.Publish(frame);
        };
        LiveEncoder encoder;
        try
        {
            encoder = LiveEncoder.Start(plan, pool, publish, logger, latency);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            broadcaster.Reset();
            return $"{plan.Encoder} could not start: {e.Message}";
        }

        Volatile.Write(ref _encoder, encoder);
        FrameSink sink = (frame, _) =>
        {
            var capturedAt = Stopwatch.GetTimestamp();
            Volatile.Write(ref lastFrame, capturedAt);
            rawFrames.Offer(frame.Span);
            return encoder.WriteFrameAsync(frame, capturedAt);
        };

        var capture = plan.TakesRawFrames ? source.RunAsync(sink, run.Token) : Task.Delay(Timeout.Infinite, run.Token);
        var watchdog = WatchAsync(() => Volatile.Read(ref lastFrame), run.Token);
        var first = await Task.WhenAny(capture, encoder.Completion, watchdog);
        var reason = first == encoder.Completion ? DescribeEncoderEnd(encoder)
            : first == watchdog ? $"{source.Description} sent no frame for {policy.StallTimeout.TotalSeconds:0} s (the first frame gets twice as long)"
            : Describe(capture);

        await run.CancelAsync();
        if (await Task.WhenAny(capture, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None)) != capture)
        {
            encoder.Kill(); // ffmpeg stopped reading: breaking its pipe ends the frame write the capture is stuck in
        }

        await capture.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await watchdog.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Volatile.Write(ref _encoder, null);
        await encoder.DisposeAsync();
        broadcaster.Reset();
        return reason;
    }

    private async Task WatchAsync(Func<long> lastFrame, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (Stopwatch.GetTimestamp() - lastFrame() > policy.StallTimeout.TotalSeconds * Stopwatch.Frequency)
            {
                return;
            }
        }
    }

    private static string DescribeEncoderEnd(LiveEncoder encoder) =>
        encoder.Completion.Exception?.GetBaseException() is { } error
            ? $"reading ffmpeg's output failed: {error.GetType().Name}: {error.Message}"
            : encoder.DescribeExit();

    private string Describe(Task capture) => capture.Exception?.GetBaseException() switch
    {
        null => $"{source.Description} ended",
        IOException io => $"{source.Description} could not write to ffmpeg: {io.Message}",
        var e => e.Message,
    };
}
