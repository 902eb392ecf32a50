namespace PiStream.Bench;

/// <summary>One glass-to-glass run: per-frame latencies (ms) with the second they were read, and how many frames were decoded.</summary>
internal sealed record LatencyRun(int Framerate, string Renderer, int DelayMs, IReadOnlyList<(double Second, double Ms)> Samples, int FramesDecoded)
{
    public Percentiles Latency => Percentiles.Of(Samples.Select(s => s.Ms));

    /// <summary>Median of the samples read in (<paramref name="from"/>, <paramref name="to"/>] seconds.</summary>
    public double MedianBetween(double from, double to) =>
        Percentiles.Of(Samples.Where(s => s.Second > from && s.Second <= to).Select(s => s.Ms)).Median;
}
