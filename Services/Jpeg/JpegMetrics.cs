using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PiStream.Services.Jpeg;

/// <summary>The JPEG encoders' instruments of meter "PiStream" (docs/metrics.md), tagged with the picture <c>width</c>.</summary>
internal sealed class JpegMetrics
{
    private readonly Counter<long> _frames;
    private readonly Histogram<double> _encodeSeconds;
    private readonly Counter<long> _starts;
    private readonly Counter<long> _snapshots;

    public JpegMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Broadcast.ViewerMetrics.MeterName);
        _frames = meter.CreateCounter<long>("pistream.jpeg.frames.encoded", "{frame}", "JPEG pictures encoded for snapshots and MJPEG, by width");
        _encodeSeconds = meter.CreateHistogram<double>(
            "pistream.jpeg.encode.duration",
            "s",
            "Time from a raw frame's arrival to its JPEG's last byte",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28] });
        _starts = meter.CreateCounter<long>("pistream.jpeg.encoder.starts", "{start}", "JPEG encoders started (on demand, and after a failure), by width");
        _snapshots = meter.CreateCounter<long>("pistream.snapshots", "{snapshot}", "Snapshots served");
    }

    public void Encoded(JpegFrame frame, int width)
    {
        var tag = new KeyValuePair<string, object?>("width", width);
        _frames.Add(1, tag);
        _encodeSeconds.Record(Stopwatch.GetElapsedTime(frame.OfferedAt, frame.EncodedAt).TotalSeconds, tag);
    }

    public void Started(int width) => _starts.Add(1, new KeyValuePair<string, object?>("width", width));

    public void Snapshot() => _snapshots.Add(1);
}
