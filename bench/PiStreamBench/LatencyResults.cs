namespace PiStream.Bench;

/// <summary>Everything measured in the browser: repeated latency runs, the drift run, the validation pair and first pictures.</summary>
internal sealed record LatencyResults(
    IReadOnlyList<LatencyRun> Runs,
    LatencyRun? Canvas2d,
    LatencyRun Drift,
    TimeSpan DriftWindow,
    IReadOnlyList<LatencyRun> ValidationWithout,
    IReadOnlyList<LatencyRun> ValidationWith,
    double[] FirstPictureMs)
{
    public double DriftMs => Drift.MedianBetween(Drift.Samples[^1].Second - DriftWindow.TotalSeconds, double.MaxValue)
        - Drift.MedianBetween(0, DriftWindow.TotalSeconds);

    public int ValidationDelayMs => ValidationWith[0].DelayMs;

    /// <summary>The median over pairs of (median with the delay - median without).</summary>
    public double ValidationShiftMs => Percentiles.MedianOf(ValidationWith.Zip(ValidationWithout, (w, o) => w.Latency.Median - o.Latency.Median));
}
