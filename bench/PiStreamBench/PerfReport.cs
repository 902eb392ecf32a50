using System.Globalization;
using System.Text;
using static PiStream.Bench.Markdown;

namespace PiStream.Bench;

/// <summary>Writes <see cref="PerfResult"/> as Markdown between its own markers in docs/benchmarks.md (other sections are left alone).</summary>
internal static class PerfReport
{
    public const string Begin = "<!-- bench:perf:begin (written by bash bench/run.sh --perf; do not edit by hand) -->";
    public const string End = "<!-- bench:perf:end -->";

    public static void Write(string path, PerfResult result, MachineInfo machine)
    {
        var block = Begin + "\n" + Render(result, machine) + End;
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var begin = existing.IndexOf(Begin, StringComparison.Ordinal);
        var end = existing.IndexOf(End, StringComparison.Ordinal);
        var text = begin >= 0 && end > begin
            ? existing[..begin] + block + existing[(end + End.Length)..]
            : existing.TrimEnd() + "\n\n## Performance at the limit (issue 16)\n\n" + block + "\n";
        File.WriteAllText(path, text);
    }

    public static string Render(PerfResult r, MachineInfo m)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Measured {r.Started:yyyy-MM-dd HH:mm} UTC with `bash bench/run.sh --perf{(r.Quick ? " --quick" : "")}` (took {r.Took.TotalMinutes:0.0} min) on {m.Cpu}, {m.Cores} cores; {m.Runtime}; {m.Chromium}."));
        text.AppendLine($"Load average (1/5/15 min) when each part started: {string.Join("; ", r.Load.Select(p => $"{p.Key} {p.Value}"))}.");
        text.AppendLine();
        Targets(text, r);
        if (r.Levels.Count > 0)
        {
            text.AppendLine(Invariant($"#### Fan-out, pistream (both builds when the run has the native one) and the relay in one run ({PerfBench.Framerate} fps, {PerfBench.Bitrate}, 640x480, MPEG-1 from ffmpeg's `testsrc`; CPU of the server process only, % of one core over the window)\n"));
            Table(text, ["server", "round", "viewers", "CPU %", "RSS MB", "messages/s per viewer (min / mean)", "Mbit/s sent", "failed"], r.Levels.Select(l => new[]
            {
                l.Server, l.Round.ToString(CultureInfo.InvariantCulture), l.Viewers.ToString(CultureInfo.InvariantCulture), N(l.CpuPercent), N(l.RssMb), $"{N(l.MinMessagesPerSecond)} / {N(l.MeanMessagesPerSecond)}", N(l.MbitPerSecond), l.Failed.ToString(CultureInfo.InvariantCulture),
            }));
        }

        if (r.Memory.Count > 0)
        {
            text.AppendLine("#### pistream's memory per build (each a fresh server, 50 then 500 viewers)\n");
            Table(text, ["setting", "RSS at 50 MB", "anonymous / file / W^X shared MB", "GC committed / heap MB", "RSS at 500 MB", "GC committed at 500 MB", "CPU at 50 %", "min msg/s at 500"], r.Memory.Select(x => new[]
            {
                x.Setting, N(x.At50.RssMb), $"{N(x.At50.AnonMb)} / {N(x.At50.FileMb)} / {N(x.At50.ShmemMb)}", $"{N(x.At50.GcCommittedMb)} / {N(x.At50.GcHeapMb)}", N(x.At500.RssMb), N(x.At500.GcCommittedMb), N(x.CpuAt50), N(x.MinRateAt500),
            }));
        }

        if (r.PiBudget.Count > 0)
        {
            text.AppendLine(Invariant($"#### Pi budget (serve and its ffmpeg pinned to core {PiBudgetBench.Core}, built-in stamped test pattern, MPEG-1; latency from a Canvas2D page)\n"));
            Table(text, ["size", "bitrate", "frames received / expected", "dropped", "latency median ms", "p99 ms", "serve CPU %", "ffmpeg CPU %", "CPUs allowed"], r.PiBudget.Select(b => new[]
            {
                Invariant($"{b.Width}x{b.Height}@{b.Framerate}"), b.Bitrate, Invariant($"{b.FramesReceived} / {b.FramesExpected}"), b.Dropped.ToString(CultureInfo.InvariantCulture), N(b.Latency.Median, "0"), N(b.Latency.P99, "0"), N(b.ServeCpu), N(b.ChildrenCpu), b.Affinity,
            }));
        }

        if (r.Renderers.Count > 0)
        {
            text.AppendLine("#### JSMpeg renderers in headless Chromium (software WebGL), 640x480@30\n");
            Table(text, ["page", "renderer", "first picture after navigation, median / max ms", "all ms", "latency median ms", "p99 ms", "frames"], r.Renderers.Select(x => new[]
            {
                x.Query, x.Renderer, $"{N(Percentiles.MedianOf(x.FirstPictureMs), "0")} / {N(x.FirstPictureMs.DefaultIfEmpty(double.NaN).Max(), "0")}", string.Join(", ", x.FirstPictureMs.Select(v => N(v, "0"))), N(x.Latency.Median, "0"), N(x.Latency.P99, "0"), x.FramesDecoded.ToString(CultureInfo.InvariantCulture),
            }));
        }

        return text.ToString();
    }

    private static void Targets(StringBuilder text, PerfResult r)
    {
        if (r.Levels.Count == 0)
        {
            return;
        }

        double Median(string server, int viewers, Func<PerfLevel, double> value) =>
            Percentiles.MedianOf(r.Levels.Where(l => l.Server == server && l.Viewers == viewers).Select(value));
        double Above(string server, int viewers) =>
            Percentiles.MedianOf(r.Levels.Where(l => l.Server == server && l.Viewers == viewers)
                .Select(l => l.CpuPercent - r.Levels.First(b => b.Server == server && b.Round == l.Round && b.Viewers == 1).CpuPercent));
        var top = r.Levels.Max(l => l.Viewers);
        var mid = r.Levels.Select(l => l.Viewers).Where(v => v <= 50).Max();
        var many = top == 500 ? 200 : top;
        var aboveP = Above(PerfBench.Pistream, many);
        var aboveR = Above("relay", many);
        var oneP = Median(PerfBench.Pistream, 1, l => l.CpuPercent);
        var rssMid = Median(PerfBench.Pistream, mid, l => l.RssMb);
        var rssTop = Median(PerfBench.Pistream, top, l => l.RssMb);
        var native = r.Levels.Any(l => l.Server == PerfBench.PistreamJit);
        string Jit(Func<string> value) => native ? value() : "-";
        text.AppendLine("### Targets (issue 16; medians of the rounds)\n");
        text.AppendLine(native
            ? "\"pistream\" is the Native AOT build, the form a Raspberry Pi runs (its tool package and the release tarballs); the JIT build (the tool package on other machines) is measured beside it.\n"
            : "\"pistream\" is the JIT build (this run had no Native AOT build).\n");
        Table(text, ["what", "pistream", "pistream JIT", "relay (same run)", "target", ""],
        [
            [Invariant($"server CPU, {many} viewers minus 1 viewer (% of a core)"), N(aboveP), Jit(() => N(Above(PerfBench.PistreamJit, many))), N(aboveR), "<= relay", Verdict(aboveP <= aboveR)],
            ["server CPU with 1 viewer (% of a core)", N(oneP), Jit(() => N(Median(PerfBench.PistreamJit, 1, l => l.CpuPercent))), N(Median("relay", 1, l => l.CpuPercent)), "<= 3", Verdict(oneP <= 3)],
            [Invariant($"RSS with {mid} viewers (MB)"), N(rssMid), Jit(() => N(Median(PerfBench.PistreamJit, mid, l => l.RssMb))), N(Median("relay", mid, l => l.RssMb)), "<= 70", Verdict(rssMid <= 70)],
            [Invariant($"RSS with {top} viewers (MB)"), N(rssTop), Jit(() => N(Median(PerfBench.PistreamJit, top, l => l.RssMb))), N(Median("relay", top, l => l.RssMb)), "<= 100", Verdict(rssTop <= 100)],
        ]);
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
