using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using PiStream.Services.Broadcast;
using PiStream.Services.Capture;
using PiStream.Services.Pipeline;

namespace PiStream.Services.Health;

/// <summary>
/// Watches the frames flow for /healthz and /metrics: a tap on the <see cref="RawFrameHub"/> that only notes the time
/// and counts (no copy), the live encoder's statistics, and the pipeline's last failure. Exports the stream's
/// instruments of meter "PiStream": captured frames, capture frame rate, encoded frames and bytes, encoder restarts.
/// </summary>
internal sealed class StreamMonitor : IHostedService, IDisposable
{
    private readonly RawFrameHub _hub;
    private readonly StreamPipeline _pipeline;
    private readonly StreamStats _stats;
    private readonly TimeSpan _frameInterval;
    private IDisposable? _subscription;
    private long _captured;
    private long _lastCapturedAt;
    private long _rateWindowStart = Stopwatch.GetTimestamp();
    private long _rateWindowFrames;
    private double _captureFps;

    public StreamMonitor(RawFrameHub hub, StreamPipeline pipeline, StreamStats stats, TimeSpan frameInterval, IMeterFactory meters)
    {
        _hub = hub;
        _pipeline = pipeline;
        _stats = stats;
        _frameInterval = frameInterval;
        var meter = meters.Create(ViewerMetrics.MeterName);
        meter.CreateObservableCounter("pistream.capture.frames", () => Interlocked.Read(ref _captured), "{frame}", "Raw frames captured");
        meter.CreateObservableGauge("pistream.capture.fps", () => CaptureFps, null, "Frames captured per second, over the last second");
        meter.CreateObservableCounter("pistream.frames.encoded", () => stats.Frames, "{frame}", "Frames of the live stream encoded and sent to the viewers' queues");
        meter.CreateObservableCounter("pistream.encoded", () => stats.Bytes, "By", "Bytes of the live stream encoded");
        meter.CreateObservableCounter("pistream.encoder.restarts", () => (long)stats.EncoderRestarts, "{restart}", "Restarts of capture and live encoder after a failure");
    }

    /// <summary>Frames captured per second over the last whole second (0 once frames stop for two seconds).</summary>
    public double CaptureFps => Since(Volatile.Read(ref _lastCapturedAt)) is { } age && age < TimeSpan.FromSeconds(2) ? Volatile.Read(ref _captureFps) : 0;

    /// <summary>Whether frames flow. With an encoder that captures by itself (rpicam-vid) its pictures are the sign of capture.</summary>
    public HealthReport Evaluate() => HealthEvaluator.Evaluate(new HealthInputs(
        _pipeline.CapturesRawFrames ? Since(Volatile.Read(ref _lastCapturedAt)) : Since(_stats.LastFrameAt),
        Since(_stats.LastFrameAt),
        _stats.Uptime,
        _frameInterval,
        _pipeline.Source.Description,
        _pipeline.LastFailure));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = _hub.Subscribe(OnFrame);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => Interlocked.Exchange(ref _subscription, null)?.Dispose();

    private static TimeSpan? Since(long timestamp) => timestamp == 0 ? null : Stopwatch.GetElapsedTime(timestamp);

    private void OnFrame(ReadOnlySpan<byte> frame)
    {
        var now = Stopwatch.GetTimestamp();
        Volatile.Write(ref _lastCapturedAt, now);
        Interlocked.Increment(ref _captured);
        _rateWindowFrames++;
        var elapsed = Stopwatch.GetElapsedTime(_rateWindowStart, now).TotalSeconds;
        if (elapsed >= 1)
        {
            Volatile.Write(ref _captureFps, _rateWindowFrames / elapsed);
            _rateWindowStart = now;
            _rateWindowFrames = 0;
        }
    }
}
