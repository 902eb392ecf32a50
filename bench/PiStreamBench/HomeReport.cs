using System.Globalization;
using System.Text;

namespace PiStream.Bench;

/// <summary>Writes <see cref="HomeResult"/> as Markdown between its own markers in docs/benchmarks.md (the main suite's block is left alone).</summary>
internal static class HomeReport
{
    public const string Begin = "<!-- bench:home:begin (written by bash bench/run.sh --home; do not edit by hand) -->";
    public const string End = "<!-- bench:home:end -->";

    public static void Write(string path, HomeResult result, MachineInfo machine, string load)
    {
        var block = Begin + "\n" + Render(result, machine, load) + End;
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var begin = existing.IndexOf(Begin, StringComparison.Ordinal);
        var end = existing.IndexOf(End, StringComparison.Ordinal);
        var text = begin >= 0 && end > begin
            ? existing[..begin] + block + existing[(end + End.Length)..]
            : existing.TrimEnd() + "\n\n## Snapshot and MJPEG (issue 13)\n\n" + block + "\n";
        File.WriteAllText(path, text);
    }

    public static string Render(HomeResult r, MachineInfo m, string load)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `bash bench/run.sh --home` on {m.Cpu}, {m.Cores} cores ({m.Ffmpeg}); load average {load} at the start (other work was running). 640x480 at {r.Framerate} fps (snapshots from the test pattern, MJPEG from an external `exec:` generator); CPU in % of one core over {r.Window.TotalSeconds:0} s."));
        text.AppendLine();
        text.AppendLine("| snapshot | samples | median | max |");
        text.AppendLine("|---|---|---|---|");
        text.AppendLine(Row("cold (no JPEG encoder running: ffmpeg starts)", r.ColdSnapshotMs));
        text.AppendLine(Row("warm (encoder kept up by the previous snapshot)", r.WarmSnapshotMs));
        text.AppendLine(Row("picture age at request start (negative: captured after it)", r.SnapshotAgeMs));
        text.AppendLine();
        text.AppendLine("| MJPEG clients | width | serve CPU | JPEG ffmpeg CPU | pictures/s per client (min-mean) |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var load1 in r.Loads)
        {
            text.AppendLine(Invariant($"| {load1.Clients} | {load1.Width} | {load1.ServeCpu:0.0}% | {load1.JpegCpu:0.0}% | {load1.MinFps:0.0}-{load1.MeanFps:0.0} |"));
        }

        text.AppendLine();
        return text.ToString();
    }

    private static string Row(string name, IReadOnlyList<double> values) =>
        values.Count == 0 ? $"| {name} | 0 | - | - |" : Invariant($"| {name} | {values.Count} | {HomeBench.Median(values):0} ms | {values.Max():0} ms |");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
