using System.Text;
using static PiStream.Bench.Markdown;

namespace PiStream.Bench;

/// <summary>The targets of the benchmark issue against what was measured (medians of repeated runs where there are several).</summary>
internal static class Summary
{
    public static void Write(StringBuilder text, SuiteResults r)
    {
        var rows = new List<string[]>();
        foreach (var framerate in r.Latency.Runs.Select(run => run.Framerate).Distinct())
        {
            var runs = r.Latency.Runs.Where(run => run.Framerate == framerate).ToArray();
            var median = Percentiles.MedianOf(runs.Select(run => run.Latency.Median));
            var limit = framerate >= 30 ? 50 : 60;
            rows.Add([$"latency median at {framerate} fps ({runs.Length} runs)", $"<= {limit} ms", N(median), Verdict(median <= limit)]);
            if (framerate >= 30)
            {
                var p99 = Percentiles.MedianOf(runs.Select(run => run.Latency.P99));
                rows.Add([$"latency p99 at {framerate} fps", "<= 80 ms", N(p99), Verdict(p99 <= 80)]);
            }
        }

        var l = r.Latency;
        rows.Add(["latency drift (last minus first window)", "<= 5 ms", N(l.DriftMs), Verdict(Math.Abs(l.DriftMs) <= 5)]);
        rows.Add(["measurement validation (+100 ms delay)", "100 ± 10 ms", N(l.ValidationShiftMs), Verdict(Math.Abs(l.ValidationShiftMs - l.ValidationDelayMs) <= 10)]);
        var first = Percentiles.MedianOf(l.FirstPictureMs);
        rows.Add(["first picture (median)", "<= 200 ms", N(first, "0"), Verdict(first <= 200)]);
        var b = r.Burst;
        rows.Add([$"{b.Viewers} viewers at once: accepted / full rate", $"{b.Viewers} / {b.Viewers}", $"{b.Accepted} / {b.AtFullRate}", Verdict(b.Refused == 0 && b.AtFullRate == b.Viewers)]);
        if (r.FanOut.Count > 1)
        {
            var top = r.FanOut[^1];
            var above = top.CpuPercent - r.FanOut[0].CpuPercent;
            rows.Add([$"CPU for {top.Viewers} viewers above 1 viewer", "<= 5% of a core", N(above), Verdict(above <= 5)]);
            rows.Add([$"delivery p99 at {top.Viewers} viewers", "<= 10 ms", N(top.Delay.P99, "0.00"), Verdict(top.Delay.P99 <= 10)]);
        }

        if (r.FanOut.FirstOrDefault(f => f.Viewers == 50) is { } fifty)
        {
            rows.Add(["RSS with 50 viewers", "<= 80 MB", N(fifty.RssMb, "0"), Verdict(fifty.RssMb <= 80)]);
        }

        var i = r.Isolation;
        rows.Add(["stalled viewer: change of healthy p99", "<= 5 ms", N(i.With.P99 - i.Without.P99, "0.00"), Verdict(i.With.P99 - i.Without.P99 <= 5)]);
        rows.Add([$"stalled viewer: RSS growth over {i.StallSeconds:0} s", "<= 5 MB", N(i.RssMaxMb - i.RssAtStallMb), Verdict(i.RssMaxMb - i.RssAtStallMb <= 5)]);
        var startup = Percentiles.MedianOf(r.StartupMs);
        rows.Add([$"start-up (median of {r.StartupMs.Length})", "<= 1500 ms", N(startup, "0"), Verdict(startup <= 1500)]);
        text.AppendLine("### Targets\n");
        Table(text, ["what", "target", "measured", ""], rows);
    }
}
