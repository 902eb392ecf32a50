namespace PiStream.Bench;

/// <summary>
/// Fan-out with light WebSocket viewers at growing counts, against a server fed by an external
/// <c>exec:</c> generator (so its CPU excludes making frames; the ffmpeg encoder is a child process and
/// is not counted either). CPU, memory, frame rate and bytes come from a run without frame times;
/// delivery delay from a second run with <c>--bench-timestamps</c> (their extra text messages would
/// otherwise inflate the CPU figure). Then many viewers connect at the same moment.
/// </summary>
internal sealed class FanOutBench(BenchPlan plan)
{
    public const int Framerate = 30;

    public async Task<(IReadOnlyList<FanOutResult> Levels, BurstResult Burst)> RunAsync(CancellationToken cancellationToken)
    {
        var delays = plan.FanOutLevels.ToDictionary(level => level, _ => Percentiles.Empty);
        if (!plan.Quick)
        {
            await MeasureDelaysAsync(delays, cancellationToken);
        }

        var levels = new List<FanOutResult>();
        await using var plain = await StartAsync(benchTimestamps: false, cancellationToken);
        await using (var group = new ViewerGroup())
        {
            foreach (var level in plan.FanOutLevels)
            {
                var failed = await GrowAsync(group, plain, level, cancellationToken);
                var before = ProcessSample.Read(plain.Pid);
                var fps = await group.MeasureAsync(plan.FanOutWindow, cancellationToken);
                var after = ProcessSample.Read(plain.Pid);
                var result = new FanOutResult(
                    level,
                    fps.Min(),
                    fps.Average(),
                    delays[level],
                    ProcessSample.CorePercent(before, after),
                    after.RssBytes / 1048576.0,
                    group.Bytes() * 8 / 1e6 / (after.At - before.At).TotalSeconds,
                    failed);
                levels.Add(result);
                Console.WriteLine($"  fan-out {level}: {result.MinFps:0.0}-{result.MeanFps:0.0} fps, CPU {result.CpuPercent:0.0}% of a core, RSS {result.RssMb:0} MB");
            }
        }

        await Task.Delay(plan.Settle, cancellationToken);
        return (levels, await BurstAsync(plain, cancellationToken));
    }

    /// <summary>Delivery delay per level, from a server that sends frame times (<c>--bench-timestamps</c>).</summary>
    private async Task MeasureDelaysAsync(Dictionary<int, Percentiles> delays, CancellationToken cancellationToken)
    {
        await using var server = await StartAsync(benchTimestamps: true, cancellationToken);
        await using var group = new ViewerGroup();
        foreach (var level in plan.FanOutLevels)
        {
            await GrowAsync(group, server, level, cancellationToken);
            await group.MeasureAsync(plan.FanOutWindow, cancellationToken);
            delays[level] = Percentiles.Of(group.Delays());
            Console.WriteLine($"  fan-out {level}: delivery p50 {delays[level].Median:0.00} ms, p99 {delays[level].P99:0.00} ms");
        }
    }

    private async Task<BurstResult> BurstAsync(BenchServer server, CancellationToken cancellationToken)
    {
        await using var group = new ViewerGroup();
        var errors = await group.AddAsync(server.StreamUri, plan.BurstViewers, cancellationToken);
        await Task.Delay(plan.Settle, cancellationToken);
        var fps = await group.MeasureAsync(plan.FanOutWindow, cancellationToken);
        var full = fps.Count(f => f >= Framerate * 0.95);
        var result = new BurstResult(plan.BurstViewers, group.Count, errors.Count, full, fps.DefaultIfEmpty(0).Min(), fps.DefaultIfEmpty(0).Average(), errors.Count > 0 ? errors[0].Message : null);
        Console.WriteLine($"  burst {result.Viewers}: {result.Accepted} accepted, {result.Refused} refused, {result.AtFullRate} at full rate (min {result.MinFps:0.0} fps)");
        return result;
    }

    private async Task<int> GrowAsync(ViewerGroup group, BenchServer server, int level, CancellationToken cancellationToken)
    {
        var errors = await group.AddAsync(server.StreamUri, level - group.Count, cancellationToken);
        await Task.Delay(plan.Settle, cancellationToken);
        return errors.Count;
    }

    /// <summary>Starts a server and lets it warm up (JIT, encoder start) before anything is measured.</summary>
    private async Task<BenchServer> StartAsync(bool benchTimestamps, CancellationToken cancellationToken)
    {
        var server = BenchServer.Start(new ServerOptions(Framerate, ServerOptions.ExternalSource(Framerate), BenchTimestamps: benchTimestamps, MaxViewers: 1000));
        await server.WaitUntilServingAsync(TimeSpan.FromSeconds(20), cancellationToken);
        await Task.Delay(plan.Settle * 2, cancellationToken);
        return server;
    }
}
