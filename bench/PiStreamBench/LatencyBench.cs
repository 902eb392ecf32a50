namespace PiStream.Bench;

/// <summary>Glass-to-glass latency in headless Chromium, its drift, its validation with a known added delay, and the time to the first picture.</summary>
internal sealed class LatencyBench(BenchPlan plan, PageLatency page)
{
    public async Task<LatencyResults> RunAsync(CancellationToken cancellationToken)
    {
        var runs = new List<LatencyRun>();
        foreach (var framerate in plan.LatencyFramerates)
        {
            for (var run = 0; run < plan.LatencyRuns; run++)
            {
                runs.Add(await MeasureAsync(new ServerOptions(framerate), "", plan.LatencyDuration, cancellationToken));
            }
        }

        var canvas2d = plan.Quick ? null : await MeasureAsync(new ServerOptions(30), "&canvas2d", plan.LatencyDuration, cancellationToken);
        // Alternating pairs in Canvas2D (cheapest to draw, least disturbed by load); the shift is the median of the pairs' differences.
        var without = new List<LatencyRun>();
        var with = new List<LatencyRun>();
        for (var pair = 0; pair < plan.ValidationPairs; pair++)
        {
            without.Add(await MeasureAsync(new ServerOptions(30), "&canvas2d", plan.ValidationDuration, cancellationToken));
            with.Add(await MeasureAsync(new ServerOptions(30, DebugDelayMs: plan.ValidationDelayMs), "&canvas2d", plan.ValidationDuration, cancellationToken));
        }

        var firstPictures = await FirstPicturesAsync(cancellationToken);
        var drift = await MeasureAsync(new ServerOptions(30), "", plan.DriftDuration, cancellationToken);
        return new LatencyResults(runs, canvas2d, drift, plan.DriftWindow, without, with, firstPictures);
    }

    private async Task<LatencyRun> MeasureAsync(ServerOptions options, string query, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var server = BenchServer.Start(options);
        await server.WaitUntilServingAsync(TimeSpan.FromSeconds(20), cancellationToken);
        var run = await page.MeasureAsync(server, options, query, plan.Settle * 2, duration, cancellationToken);
        var latency = run.Latency;
        Console.WriteLine($"  latency {options.Framerate} fps{(options.DebugDelayMs > 0 ? $" +{options.DebugDelayMs} ms" : "")} {run.Renderer}{query}: median {latency.Median:0} ms, p95 {latency.P95:0}, p99 {latency.P99:0} ({latency.Count} stamps read of {run.FramesDecoded} frames, {duration.TotalSeconds:0} s)");
        if (latency.Count == 0)
        {
            throw new InvalidOperationException("No frame stamp could be read from the page's canvas.");
        }

        return run;
    }

    private async Task<double[]> FirstPicturesAsync(CancellationToken cancellationToken)
    {
        await using var server = BenchServer.Start(new ServerOptions(30));
        await server.WaitUntilServingAsync(TimeSpan.FromSeconds(20), cancellationToken);
        await Task.Delay(plan.Settle, cancellationToken);
        var times = new List<double>();
        for (var run = 0; run < plan.FirstPictureRuns; run++)
        {
            times.Add(await page.FirstPictureAsync(server));
            Console.WriteLine($"  first picture: {times[^1]:0} ms");
        }

        return [.. times];
    }
}
