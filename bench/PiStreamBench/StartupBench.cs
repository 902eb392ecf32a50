namespace PiStream.Bench;

/// <summary>Start-up: from starting the <c>pistream serve</c> process to the first byte on a WebSocket (the stream header).</summary>
internal sealed class StartupBench(BenchPlan plan)
{
    public async Task<double[]> RunAsync(CancellationToken cancellationToken)
    {
        var times = new List<double>();
        for (var run = 0; run < plan.StartupRuns; run++)
        {
            await using var server = BenchServer.Start(new ServerOptions(30));
            var elapsed = await server.WaitUntilServingAsync(TimeSpan.FromSeconds(20), cancellationToken);
            times.Add(elapsed.TotalMilliseconds);
            Console.WriteLine($"  start-up: {elapsed.TotalMilliseconds:0} ms");
        }

        return [.. times];
    }
}
