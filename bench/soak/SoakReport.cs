using System.Globalization;
using System.Text;

namespace PiStream.Soak;

/// <summary>
/// docs/soak.md: the verdicts (resources and latency at the start against the end), then every sample.
/// "Start" is the median of the first third of the samples after the first two (warm-up); "end" the median
/// of the last third. Noise limits: RSS 10 % or 5 MiB, threads and handles 5, latency 50 ms.
/// </summary>
internal static class SoakReport
{
    public static string Write(SoakResult result, string machine)
    {
        var samples = result.Samples;
        var third = Math.Max(1, samples.Count / 3);
        var start = samples.Skip(Math.Min(2, samples.Count - 1)).Take(third).ToArray();
        var end = samples.Skip(samples.Count - third).ToArray();
        var text = new StringBuilder();
        var o = result.Options;
        Line(text, "# Soak test");
        Line(text, "");
        Line(text, $"`bash bench/soak/run.sh --minutes {o.Minutes}`: the real `pistream serve --source test` (640x480, 24 fps, 800k) for {o.Minutes} minutes with {o.Viewers} WebSocket viewers, ffmpeg killed with SIGKILL every {o.KillEveryMinutes} minutes, {(o.PanTilt ? "pan-tilt moves every 2 s (`--pantilt`)" : "no pan-tilt moves (run with `--pantilt` once pan-tilt is merged)")}, a sample every {o.SampleSeconds} s, then SIGTERM. Machine: {machine}.");
        Line(text, "");
        Line(text, "| measure | start | end | change | within noise |");
        Line(text, "|---|---|---|---|---|");
        Verdict(text, "RSS (MiB)", start, end, s => s.RssMiB, (a, b) => b - a <= Math.Max(5, a * 0.10));
        Verdict(text, "threads", start, end, s => s.Threads, (a, b) => b - a <= 5);
        Verdict(text, "handles (open fds)", start, end, s => s.Handles, (a, b) => b - a <= 5);
        Verdict(text, "latency median (ms)", start, end, s => s.LatencyMedianMs, (a, b) => b - a <= 50);
        Verdict(text, "latency p95 (ms)", start, end, s => s.LatencyP95Ms, (a, b) => b - a <= 50);
        Line(text, "");
        Line(text, $"- Viewers lost: {result.LostViewers.Count} of {o.Viewers}{(result.LostViewers.Count == 0 ? "" : ": " + string.Join("; ", result.LostViewers))}.");
        Line(text, $"- ffmpeg kills: {result.Kills.Count} (at {string.Join(", ", result.Kills.Select(k => k.ToString(@"mm\:ss", CultureInfo.InvariantCulture)))}); encoder restarts reported by the server: {(samples.Count > 0 ? samples[^1].EncoderRestarts : 0)}.");
        Line(text, $"- Lowest frame rate any viewer got in any sample interval: {(samples.Count == 0 ? 0 : samples.Min(s => s.MinViewerFps)):0.0} fps (intervals with a kill include the restart).");
        if (result.PanTiltAnswers is { } answers)
        {
            Line(text, $"- Pan-tilt requests: {string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Value} x {a.Key}"))}.");
        }

        Line(text, $"- SIGTERM: exited in {result.ExitTook.TotalMilliseconds:0} ms with code {result.ExitCode}; child processes seen {result.ChildrenSeen}, alive afterwards {result.Orphans.Count}.");
        Line(text, "");
        Line(text, "Latency is capture to arrival at the viewer (the frame stamp read back from the decoded picture, docs/frame-stamp.md), without the browser's decode and paint.");
        Line(text, "");
        Line(text, "| time | RSS MiB | threads | handles | latency median ms | p95 ms | viewers | min viewer fps | restarts |");
        Line(text, "|---|---|---|---|---|---|---|---|---|");
        foreach (var s in samples)
        {
            Line(text, $"| {s.Elapsed:hh\\:mm\\:ss} | {s.RssMiB:0.0} | {s.Threads} | {s.Handles} | {s.LatencyMedianMs:0} | {s.LatencyP95Ms:0} | {s.ViewersConnected} | {s.MinViewerFps:0.0} | {s.EncoderRestarts} |");
        }

        return text.ToString();
    }

    private static void Verdict(StringBuilder text, string name, Sample[] start, Sample[] end, Func<Sample, double> value, Func<double, double, bool> withinNoise)
    {
        var a = Median(start.Select(value));
        var b = Median(end.Select(value));
        Line(text, $"| {name} | {a:0.#} | {b:0.#} | {b - a:+0.#;-0.#;0} | {(withinNoise(a, b) ? "yes" : "**no**")} |");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    private static void Line(StringBuilder text, string line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
