using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PiStream.Services.Encoding;

/// <summary>
/// The live encoder's latency, <c>pistream.encode.latency</c> on meter "PiStream" (docs/metrics.md): from a raw frame's
/// capture (the moment the capture source handed it over) to its encoded picture leaving the encoder (its last byte
/// read back and cut out as one message), tagged with the <c>encoder</c>. Recording does not allocate.
/// </summary>
internal sealed class EncodeLatency
{
    private readonly Histogram<double> _seconds;

    public EncodeLatency(IMeterFactory meters)
    {
        _seconds = meters.Create("PiStream").CreateHistogram<double>(
            "pistream.encode.latency",
            "s",
            "Time from a raw frame's capture to its encoded picture leaving the live encoder",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.002, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28] });
    }

    /// <summary>A picture came out now; it was captured at <paramref name="capturedAt"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void Record(long capturedAt, KeyValuePair<string, object?> encoder) =>
        _seconds.Record(Stopwatch.GetElapsedTime(capturedAt).TotalSeconds, encoder);
}
