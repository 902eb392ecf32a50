using System.Globalization;
using System.Text;
using static PiStream.Bench.Markdown;

namespace PiStream.Bench;

/// <summary>
/// Writes <c>bench/run.sh --players</c> and <c>--players-drift</c> results as Markdown, each between its own markers in
/// docs/benchmarks.md: the main suite's block, the home block and the hand-written text around them are left alone.
/// </summary>
internal static class PlayersReport
{
    public const string Begin = "<!-- bench:players:begin (written by bash bench/run.sh --players; do not edit by hand) -->";
    public const string End = "<!-- bench:players:end -->";
    public const string QualityBegin = "<!-- bench:players-quality:begin (written by bash bench/run.sh --players or --players-quality; do not edit by hand) -->";
    public const string QualityEnd = "<!-- bench:players-quality:end -->";
    public const string DriftBegin = "<!-- bench:players-drift:begin (written by bash bench/run.sh --players-drift; do not edit by hand) -->";
    public const string DriftEnd = "<!-- bench:players-drift:end -->";

    /// <summary>How the camera clip becomes a 30 fps source, said in the report whenever it was measured.</summary>
    public const string CameraNote =
        $"{QualitySource.CameraName} is OpenCV's sample clip from Debian's opencv-doc (a fixed camera in a hall, people walking; 768x576, 10 fps, " +
        "msmpeg4-coded, so the source frames already carry compression artifacts), scaled to each size (stretched to 16:9 at 1280x720) " +
        "and brought to 30 fps by frame repetition (`-vf scale=W:H,fps=30`: each frame shown three times, so two of every three " +
        "frames repeat the one before, which both encoders code almost for free).";

    /// <summary>Replaces the text between <paramref name="begin"/> and <paramref name="end"/>, or appends a new section with them.</summary>
    public static void Write(string path, string begin, string end, string heading, string body)
    {
        var block = begin + "\n" + body + end;
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var at = existing.IndexOf(begin, StringComparison.Ordinal);
        var until = existing.IndexOf(end, StringComparison.Ordinal);
        var text = at >= 0 && until > at
            ? existing[..at] + block + existing[(until + end.Length)..]
            : existing.TrimEnd() + "\n\n" + heading + "\n\n" + block + "\n";
        File.WriteAllText(path, text);
    }

    public static string Render(PlayersResult r, MachineInfo m)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Measured {r.Started:yyyy-MM-dd HH:mm} UTC with `bash bench/run.sh --players{(r.Plan.Quick ? " --quick" : "")}` (took {r.Took.TotalMinutes:0.0} min) on {m.Cpu}, {m.Cores} cores; {m.Chromium}; {m.Ffmpeg}. The load average (1/5/15 min) is given with each number."));
        text.AppendLine();
        text.AppendLine("#### Latency per player (capture stamp -> picture produced by the player, 30 fps)\n");
        Table(text, ["player", "codec", "size, bitrate", "median ms", "p95", "p99", "first-10 s median", "last-10 s median", "stamps read / frames", "load"], r.Latency.Select(p =>
        {
            var l = p.Run.Latency;
            var seconds = r.Plan.LatencyDuration.TotalSeconds;
            return new[] { p.Player, p.Codec, $"{p.Width}x{p.Height}, {p.Bitrate}", N(l.Median, "0"), N(l.P95, "0"), N(l.P99, "0"), N(p.Run.MedianBetween(0, 10), "0"), N(p.Run.MedianBetween(seconds - 10, seconds), "0"), $"{l.Count} / {p.Run.FramesDecoded}", p.Load };
        }));
        text.AppendLine("#### Live encoder CPU (serve's ffmpeg child; % of one core of this machine; no viewer)\n");
        Table(text, ["codec", "size, bitrate", "encoder CPU", "serve CPU", "fps", "load"], r.Cpu.Select(c =>
            new[] { c.Codec == "h264" ? "H.264 (libx264 superfast)" : "MPEG-1 (mpeg1video)", $"{c.Width}x{c.Height}, {c.Bitrate}", N(c.EncoderPercent) + "%", N(c.ServePercent) + "%", N(c.Fps), c.Load }));
        text.AppendLine("#### Fan-out by codec (light WebSocket viewers, 640x480@30, 1 Mbit/s, `exec:` source; serve's CPU excludes the encoder)\n");
        Table(text, ["codec", "viewers", "fps per viewer (min / mean)", "serve CPU % of a core", "RSS MB", "Mbit/s sent", "refused", "load"], r.FanOut.Select(f =>
            new[] { f.Codec, f.Viewers.ToString(CultureInfo.InvariantCulture), $"{N(f.MinFps)} / {N(f.MeanFps)}", N(f.CpuPercent), N(f.RssMb, "0"), N(f.MbitPerSecond), f.Failed.ToString(CultureInfo.InvariantCulture), f.Load }));
        return text.ToString();
    }

    public static string RenderQuality(IReadOnlyList<QualityResult> quality, PlayersPlan plan)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `bash bench/run.sh --players{(plan.Quick ? " --quick" : "")}` (or `--players-quality`): SSIM of what a WebSocket viewer received, decoded by ffmpeg, against the source frames (\"All\": luma and chroma), 30 fps, keyframe every 30 frames."));
        if (quality.Any(q => q.Source == QualitySource.CameraName))
        {
            text.AppendLine(CameraNote);
        }

        text.AppendLine();
        Table(text, ["source", "size, bitrate asked", "MPEG-1 SSIM", "MPEG-1 kbit/s received", "H.264 SSIM", "H.264 kbit/s received", "frames", "load (MPEG-1 / H.264)"], quality
            .GroupBy(q => (q.Source, q.Width, q.Height, q.Bitrate))
            .Select(g =>
            {
                var mpeg1 = g.First(q => q.Codec == "mpeg1");
                var h264 = g.First(q => q.Codec == "h264");
                return new[] { g.Key.Source, $"{g.Key.Width}x{g.Key.Height}, {g.Key.Bitrate}", Ssim(mpeg1), N(mpeg1.ReceivedKbps, "0"), Ssim(h264), N(h264.ReceivedKbps, "0"), mpeg1.Frames.ToString(CultureInfo.InvariantCulture), $"{mpeg1.Load} / {h264.Load}" };
            }));
        HalfBitrate(text, quality);
        if (plan.CameraMissing is { } missing)
        {
            text.AppendLine($"- {QualitySource.CameraName}: not measured: {missing}.");
        }

        return text.ToString();
    }

    /// <summary>
    /// The issue's target: H.264 at half the bitrate matches or beats MPEG-1, for every source and every size
    /// measured at both bitrates (1280x720 in the full plan); a pair with a failed measurement says so.
    /// </summary>
    private static void HalfBitrate(StringBuilder text, IReadOnlyList<QualityResult> quality)
    {
        foreach (var mpeg1 in quality.Where(q => q.Codec == "mpeg1"))
        {
            var half = quality.FirstOrDefault(q => q.Codec == "h264" && q.Source == mpeg1.Source && q.Width == mpeg1.Width && q.Height == mpeg1.Height
                && BitsPerSecond(q.Bitrate) * 2 == BitsPerSecond(mpeg1.Bitrate));
            if (half is null)
            {
                continue;
            }

            var pair = $"- {mpeg1.Source}, {mpeg1.Width}x{mpeg1.Height}: H.264 at {half.Bitrate}";
            if (mpeg1.Problem is not null || half.Problem is not null)
            {
                text.AppendLine($"{pair} against MPEG-1 at {mpeg1.Bitrate}: not compared (MPEG-1: {mpeg1.Problem ?? "measured"}; H.264: {half.Problem ?? "measured"}).");
                continue;
            }

            var verdict = half.Ssim >= mpeg1.Ssim ? "matches or beats it" : "falls short";
            text.AppendLine(Invariant($"{pair} (SSIM {half.Ssim:0.0000}) against MPEG-1 at {mpeg1.Bitrate} ({mpeg1.Ssim:0.0000}): H.264 at half the bitrate {verdict}."));
        }
    }

    private static long BitsPerSecond(string bitrate) => bitrate[^1] switch
    {
        'k' or 'K' => long.Parse(bitrate[..^1], CultureInfo.InvariantCulture) * 1000,
        'M' or 'm' => long.Parse(bitrate[..^1], CultureInfo.InvariantCulture) * 1_000_000,
        _ => long.Parse(bitrate, CultureInfo.InvariantCulture),
    };

    public static string RenderDrift(PlayerLatency drift, TimeSpan window, bool quick)
    {
        var run = drift.Run;
        var end = run.Samples.Count > 0 ? run.Samples[^1].Second : 0;
        var first = run.MedianBetween(0, window.TotalSeconds);
        var last = run.MedianBetween(end - window.TotalSeconds, double.MaxValue);
        var l = run.Latency;
        return Invariant($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `bash bench/run.sh --players-drift{(quick ? " --quick" : "")}`: the MSE player (jMuxer, `?player=mse`), H.264 {drift.Width}x{drift.Height}@30, {drift.Bitrate}, for {end / 60:0.0} min (load average {drift.Load} at the start, {MachineInfo.LoadAverage()} at the end). Median of the first {window.TotalSeconds:0} s {N(first)} ms, of the last {window.TotalSeconds:0} s {N(last)} ms: drift **{N(last - first)} ms** (whole run: median {N(l.Median)}, p99 {N(l.P99)} ms, {l.Count} stamps read of {run.FramesDecoded} frames presented).\n");
    }

    private static string Ssim(QualityResult q) => q.Problem is null ? N(q.Ssim, "0.0000") : $"n/a ({q.Problem})";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
