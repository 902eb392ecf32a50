using System.Text;
using static PiStream.Bench.Markdown;

namespace PiStream.Bench;

/// <summary>
/// Writes the results as Markdown. In an existing file only the part between the results markers is
/// replaced, so the hand-written explanations around it stay.
/// </summary>
internal static class ReportWriter
{
    public const string Begin = "<!-- bench:results:begin (written by bench/run.sh; do not edit by hand) -->";
    public const string End = "<!-- bench:results:end -->";

    public static void Write(string path, SuiteResults results)
    {
        var block = Begin + "\n" + Render(results) + End;
        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        var begin = existing.IndexOf(Begin, StringComparison.Ordinal);
        var end = existing.IndexOf(End, StringComparison.Ordinal);
        var text = begin >= 0 && end > begin
            ? existing[..begin] + block + existing[(end + End.Length)..]
            : "# Benchmarks\n\n" + block + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
    }

    public static string Render(SuiteResults r)
    {
        var text = new StringBuilder();
        var m = r.Machine;
        text.AppendLine($"Measured {r.Started:yyyy-MM-dd HH:mm} UTC with `bash bench/run.sh{(r.Plan.Quick ? " --quick" : "")}` (took {r.Took.TotalMinutes:0.0} min).");
        text.AppendLine($"Machine: {m.Cpu}, {m.Cores} cores, {m.Kernel}; {m.Runtime}; {m.Chromium}; {m.Ffmpeg}.");
        text.AppendLine($"Load average (1/5/15 min) when each part started: {string.Join("; ", r.LoadBySection.Select(p => $"{p.Key} {p.Value}"))}.");
        text.AppendLine();
        Summary.Write(text, r);
        Latency(text, r.Latency);
        FanOut(text, r);
        Isolation(text, r.Isolation);
        text.AppendLine("### Start-up (process start -> first WebSocket byte)\n");
        Table(text, ["runs", "median ms", "max ms"], [[r.StartupMs.Length.ToString(), N(Percentiles.MedianOf(r.StartupMs), "0"), N(r.StartupMs.Max(), "0")]]);
        return text.ToString();
    }

    private static void Latency(StringBuilder text, LatencyResults l)
    {
        text.AppendLine("### Glass-to-glass latency (capture stamp -> frame on the page's canvas)\n");
        var runs = l.Runs.Concat(l.Canvas2d is null ? [] : [l.Canvas2d]);
        Table(text, ["fps", "renderer", "samples (stamps read / frames decoded)", "median ms", "p95 ms", "p99 ms", "max ms"], runs.Select(run =>
        {
            var p = run.Latency;
            return new[] { run.Framerate.ToString(), run.Renderer, $"{p.Count} / {run.FramesDecoded}", N(p.Median), N(p.P95), N(p.P99), N(p.Max) };
        }));
        text.AppendLine($"Drift over {l.Drift.Samples[^1].Second / 60:0.0} min at 30 fps: median of the first {l.DriftWindow.TotalSeconds:0} s {N(l.Drift.MedianBetween(0, l.DriftWindow.TotalSeconds))} ms, "
            + $"of the last {l.DriftWindow.TotalSeconds:0} s {N(l.Drift.MedianBetween(l.Drift.Samples[^1].Second - l.DriftWindow.TotalSeconds, double.MaxValue))} ms: drift **{N(l.DriftMs)} ms** "
            + $"(whole run: median {N(l.Drift.Latency.Median)}, p99 {N(l.Drift.Latency.P99)} ms, {l.Drift.Latency.Count} samples).\n");
        text.AppendLine($"Validation ({l.ValidationWith.Count} alternating pairs, 30 fps, Canvas2D, {l.ValidationWith[0].Samples.Count} samples in the first): medians without `--debug-delay-ms` "
            + $"{string.Join(", ", l.ValidationWithout.Select(run => N(run.Latency.Median)))} ms, with `--debug-delay-ms {l.ValidationDelayMs}` {string.Join(", ", l.ValidationWith.Select(run => N(run.Latency.Median)))} ms: "
            + $"a shift of **{N(l.ValidationShiftMs)} ms** (median of the pairs) for {l.ValidationDelayMs} ms added ({Verdict(Math.Abs(l.ValidationShiftMs - l.ValidationDelayMs) <= 10)}: {l.ValidationDelayMs} ± 10).\n");
        text.AppendLine("### Time to first picture (WebSocket open -> first decoded frame, new page each time)\n");
        Table(text, ["runs", "median ms", "max ms", "all ms"], [[l.FirstPictureMs.Length.ToString(), N(Percentiles.MedianOf(l.FirstPictureMs), "0"), N(l.FirstPictureMs.Max(), "0"), string.Join(", ", l.FirstPictureMs.Select(v => N(v, "0")))]]);
    }

    private static void FanOut(StringBuilder text, SuiteResults r)
    {
        text.AppendLine($"### Fan-out (light WebSocket viewers, {FanOutBench.Framerate} fps, `exec:` source)\n");
        var baseline = r.FanOut.Count > 0 ? r.FanOut[0].CpuPercent : double.NaN;
        Table(text, ["viewers", "fps per viewer (min / mean)", "delivery p50 ms", "delivery p99 ms", "server CPU % of a core", "above 1 viewer", "RSS MB", "Mbit/s sent", "refused"], r.FanOut.Select(f => new[]
        {
            f.Viewers.ToString(), $"{N(f.MinFps)} / {N(f.MeanFps)}", N(f.Delay.Median, "0.00"), N(f.Delay.P99, "0.00"), N(f.CpuPercent), N(f.CpuPercent - baseline), N(f.RssMb, "0"), N(f.MbitPerSecond, "0.0"), f.Failed.ToString(),
        }));
        var b = r.Burst;
        text.AppendLine($"{b.Viewers} viewers connecting at the same moment: {b.Accepted} accepted, {b.Refused} refused or reset{(b.FirstError is null ? "" : $" (first error: {b.FirstError})")}; "
            + $"{b.AtFullRate} of {b.Accepted} got the full frame rate (>= {FanOutBench.Framerate * 0.95:0.#} fps); min {N(b.MinFps)}, mean {N(b.MeanFps)} fps.\n");
    }

    private static void Isolation(StringBuilder text, IsolationResult i)
    {
        text.AppendLine($"### Slow-viewer isolation ({i.HealthyViewers} healthy viewers + 1 that stops reading, 30 fps)\n");
        Table(text, ["", "healthy p50 ms", "healthy p99 ms", "samples"],
        [
            ["without the stalled viewer", N(i.Without.Median, "0.00"), N(i.Without.P99, "0.00"), i.Without.Count.ToString()],
            ["with it", N(i.With.Median, "0.00"), N(i.With.P99, "0.00"), i.With.Count.ToString()],
        ]);
        text.AppendLine($"p99 change: **{N(i.With.P99 - i.Without.P99, "0.00")} ms**; slowest healthy viewer meanwhile {N(i.MinFpsWith)} fps. "
            + $"Server RSS over {i.StallSeconds:0} s of stall: {N(i.RssAtStallMb)} MB at the start, max {N(i.RssMaxMb)}, end {N(i.RssEndMb)} (growth {N(i.RssMaxMb - i.RssAtStallMb)} MB; growth over the healthy-only window before it: {N(i.RssGrowthWithoutMb)} MB); "
            + $"viewers connected afterwards: {i.ViewersAfter} (the stalled one is closed after 10 s behind).\n");
    }
}
