using System.Diagnostics;

namespace PiStream.Bench;

/// <summary>Runs every benchmark in turn, recording the machine's load average as each part starts.</summary>
internal sealed class Suite(BenchPlan plan)
{
    public async Task<SuiteResults> RunAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var load = new Dictionary<string, string>();

        Section(load, "start-up");
        var startup = await new StartupBench(plan).RunAsync(cancellationToken);

        Section(load, "fan-out");
        var (fanOut, burst) = await new FanOutBench(plan).RunAsync(cancellationToken);

        Section(load, "isolation");
        var isolation = await new IsolationBench(plan).RunAsync(cancellationToken);

        Section(load, "latency");
        LatencyResults latency;
        await using (var chromium = await HeadlessChromium.LaunchAsync())
        {
            latency = await new LatencyBench(plan, new PageLatency(chromium.Browser)).RunAsync(cancellationToken);
        }

        load["end"] = MachineInfo.LoadAverage();
        return new SuiteResults(plan, MachineInfo.Read(), started, clock.Elapsed, load, latency, fanOut, burst, isolation, startup);
    }

    private static void Section(Dictionary<string, string> load, string name)
    {
        load[name] = MachineInfo.LoadAverage();
        Console.WriteLine($"== {name} (load average {load[name]}) ==");
    }
}
