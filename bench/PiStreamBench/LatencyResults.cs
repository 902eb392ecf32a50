namespace PiStream.Bench;

/// <summary>Everything measured in the browser: repeated latency runs, the drift run, the validation pair and first pictures.</summary>
internal sealed record LatencyResults(
    IReadOnlyList<LatencyRun> Runs,
    LatencyRun? Canvas2d,
    LatencyRun Drift,
    TimeSpan DriftWindow,
    LatencyRun ValidationWithout,
    LatencyRun ValidationWith,
    double[] FirstPictureMs)
{
    public double DriftMs => Drift.MedianBetween(Drift.Samples[^1].Second - DriftWindow.TotalSeconds, double.MaxValue)
        - Drift.MedianBetween(0, DriftWindow.TotalSeconds);

    public double ValidationShiftMs => ValidationWith.Latency.Median - ValidationWithout.Latency.Median;
}
