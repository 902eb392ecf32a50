namespace PiStream.Bench;

/// <summary>
/// Glass-to-glass latency per player (<c>bench/run.sh --players</c>): JSMpeg on MPEG-1, WebCodecs and MSE on H.264
/// (libx264), each on its own server with the stamped test pattern, read back from the page as in
/// <see cref="LatencyBench"/>; and the MSE player's drift over a long run (<c>--players-drift</c>).
/// </summary>
internal sealed class PlayerLatencyBench(PlayersPlan plan, PageLatency page)
{
    private const int Framerate = 30;

    private static readonly (string Player, string Codec, string Query)[] Players =
    [
        ("JSMpeg", "mpeg1", ""),
        ("WebCodecs", "h264", "&player=webcodecs"),
        ("MSE", "h264", "&player=mse"),
    ];

    public async Task<IReadOnlyList<PlayerLatency>> RunAsync(CancellationToken cancellationToken)
    {
        var results = new List<PlayerLatency>();
        foreach (var (width, height, bitrate) in plan.LatencySizes)
        {
            foreach (var (player, codec, query) in Players)
            {
                results.Add(await MeasureAsync(player, codec, query, width, height, bitrate, plan.LatencyDuration, cancellationToken));
            }
        }

        return results;
    }

    /// <summary>The MSE player for <see cref="PlayersPlan.DriftDuration"/> at 640x480@30.</summary>
    public Task<PlayerLatency> DriftAsync(CancellationToken cancellationToken) =>
        MeasureAsync("MSE", "h264", "&player=mse", 640, 480, "1M", plan.DriftDuration, cancellationToken);

    private async Task<PlayerLatency> MeasureAsync(string player, string codec, string query, int width, int height, string bitrate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var options = new ServerOptions(Framerate, Codec: codec, Width: width, Height: height, Bitrate: bitrate);
        await using var server = BenchServer.Start(options);
        await server.WaitUntilServingAsync(TimeSpan.FromSeconds(30), cancellationToken);
        var load = MachineInfo.LoadAverage();
        var run = await page.MeasureAsync(server, options, query, plan.LatencyWarmUp, duration, cancellationToken);
        var latency = run.Latency;
        Console.WriteLine($"  {player} {codec} {width}x{height}: median {latency.Median:0} ms, p95 {latency.P95:0}, p99 {latency.P99:0} ({latency.Count} stamps of {run.FramesDecoded} frames; load {load})");
        return new PlayerLatency(run.Renderer == "WebGL" || run.Renderer == "Canvas2D" ? $"{player} ({run.Renderer})" : player, codec, width, height, bitrate, run, load);
    }
}
