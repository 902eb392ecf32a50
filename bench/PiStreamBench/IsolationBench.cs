using System.Net.Http.Json;
using System.Text.Json;

namespace PiStream.Bench;

/// <summary>
/// Slow-viewer isolation: healthy light viewers are measured alone, then while one more viewer has
/// stopped reading (its socket buffers fill and the server's sends to it stop completing). The server's
/// RSS is sampled every second of the stall.
/// </summary>
internal sealed class IsolationBench(BenchPlan plan)
{
    public async Task<IsolationResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var server = BenchServer.Start(new ServerOptions(30, BenchTimestamps: true));
        await server.WaitUntilServingAsync(TimeSpan.FromSeconds(20), cancellationToken);
        await using var healthy = new ViewerGroup();
        await healthy.AddAsync(server.StreamUri, plan.IsolationViewers, cancellationToken);
        await Task.Delay(plan.Settle, cancellationToken);
        var baselineRss = ProcessSample.Read(server.Pid).RssBytes;
        var measuring = healthy.MeasureAsync(plan.IsolationBaseline, cancellationToken);
        var baselineMaxRss = await MaxRssAsync(server, measuring);
        var without = Percentiles.Of(healthy.Delays());

        using var stalled = await StalledViewer.ConnectAsync(server.Port, cancellationToken);
        var atStall = ProcessSample.Read(server.Pid);
        var rss = new List<double> { atStall.RssBytes / 1048576.0 };
        foreach (var client in healthy.Clients)
        {
            client.Restart();
            client.Measuring = true;
        }

        for (var second = 0; second < (int)plan.StallDuration.TotalSeconds; second++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            rss.Add(ProcessSample.Read(server.Pid).RssBytes / 1048576.0);
        }

        foreach (var client in healthy.Clients)
        {
            client.Measuring = false;
        }

        var minFps = healthy.Clients.Min(c => c.Frames) / plan.StallDuration.TotalSeconds;
        var result = new IsolationResult(
            plan.IsolationViewers,
            without,
            Percentiles.Of(healthy.Delays()),
            minFps,
            plan.StallDuration.TotalSeconds,
            rss[0],
            rss.Max(),
            rss[^1],
            (baselineMaxRss - baselineRss) / 1048576.0,
            await ViewersAsync(server, cancellationToken));
        Console.WriteLine($"  isolation: p99 {result.Without.P99:0.0} -> {result.With.P99:0.0} ms, RSS {result.RssAtStallMb:0.0} -> max {result.RssMaxMb:0.0} MB, {result.ViewersAfter} viewers after");
        return result;
    }

    /// <summary>The largest RSS sampled once a second until <paramref name="until"/> finishes (growth without any stall, for comparison).</summary>
    private static async Task<long> MaxRssAsync(BenchServer server, Task until)
    {
        var max = 0L;
        while (!until.IsCompleted)
        {
            max = Math.Max(max, ProcessSample.Read(server.Pid).RssBytes);
            await Task.WhenAny(until, Task.Delay(TimeSpan.FromSeconds(1)));
        }

        await until;
        return Math.Max(max, ProcessSample.Read(server.Pid).RssBytes);
    }

    private static async Task<int> ViewersAsync(BenchServer server, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var status = await http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{server.Port}/api/status", cancellationToken);
        return status.GetProperty("viewers").GetInt32();
    }
}
