using System.Globalization;

namespace PiStream.Bench;

/// <summary>
/// Glass-to-glass latency per player (<c>--players</c>): JSMpeg on MPEG-1, WebCodecs and MSE on H.264 (libx264),
/// each on its own server, same stamped test pattern, read back from the page as in <see cref="LatencyBench"/>.
/// Prints a Markdown table for docs/benchmarks.md.
/// </summary>
internal sealed class PlayerLatencyBench(PageLatency page, TimeSpan duration, int width, int height)
{
    private static readonly (string Player, string Codec, string Query)[] Players =
    [
        ("jsmpeg", "mpeg1", ""),
        ("webcodecs", "h264", "&player=webcodecs"),
        ("mse", "h264", "&player=mse"),
    ];

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>
        {
            $"| player | codec | size | median ms | p95 | p99 | first-10 s median | last-10 s median | stamps read / frames |",
            "|---|---|---|---|---|---|---|---|---|",
        };
        foreach (var (player, codec, query) in Players)
        {
            var options = new ServerOptions(30, Codec: codec, Width: width, Height: height);
            await using var server = BenchServer.Start(options);
            await server.WaitUntilServingAsync(TimeSpan.FromSeconds(30), cancellationToken);
            var run = await page.MeasureAsync(server, options, query, TimeSpan.FromSeconds(6), duration, cancellationToken);
            var latency = run.Latency;
            var seconds = duration.TotalSeconds;
            lines.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"| {run.Renderer} | {codec} | {width}x{height}@30 | {latency.Median:0} | {latency.P95:0} | {latency.P99:0} | {run.MedianBetween(0, 10):0} | {run.MedianBetween(seconds - 10, seconds):0} | {latency.Count} / {run.FramesDecoded} |"));
            Console.WriteLine(lines[^1]);
        }

        return string.Join('\n', lines);
    }
}
