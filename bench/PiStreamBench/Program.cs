using PiStream.Bench;

// pistream benchmarks: bash bench/run.sh [--quick] [--output PATH]. See docs/benchmarks.md.
// --players / --players-drift: issue 12's modes (PlayersMode), each with its own block of docs/benchmarks.md.
var quick = args.Contains("--quick");
var home = args.Contains("--home");
var players = args.FirstOrDefault(a => a is "--players" or "--players-drift" or "--players-quality");
var perf = args.Contains("--perf");
var outputIndex = Array.IndexOf(args, "--output");
var output = outputIndex >= 0 && outputIndex + 1 < args.Length ? args[outputIndex + 1] : null;
var partsIndex = Array.IndexOf(args, "--parts");
var parts = partsIndex >= 0 && partsIndex + 1 < args.Length ? args[partsIndex + 1].Split(',') : PerfBench.AllParts;
var roundsIndex = Array.IndexOf(args, "--rounds");
var rounds = roundsIndex >= 0 && roundsIndex + 1 < args.Length && int.TryParse(args[roundsIndex + 1], out var r) ? r : quick ? 1 : 2;
var unknown = args.Where((a, i) => a is not ("--quick" or "--home" or "--players" or "--players-drift" or "--players-quality" or "--perf" or "--output" or "--parts" or "--rounds")
    && (outputIndex < 0 || i != outputIndex + 1) && (partsIndex < 0 || i != partsIndex + 1) && (roundsIndex < 0 || i != roundsIndex + 1)).ToArray();
if (unknown.Length > 0 || output is null || parts.Except(PerfBench.AllParts).Except(PerfBench.ExtraParts).Any())
{
    Console.Error.WriteLine($"usage: PiStreamBench [--quick] [--home|--players|--players-drift|--players-quality|--perf [--parts {string.Join(',', PerfBench.AllParts)}] [--rounds N]] --output PATH{(unknown.Length > 0 ? $" (unknown: {string.Join(' ', unknown)})" : "")}");
    return 2;
}

using var cancel = new CancellationTokenSource();
using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);

if (players is not null)
{
    return await PlayersMode.RunAsync(players, quick, output, cancel.Token);
}

if (home)
{
    var load = MachineInfo.LoadAverage();
    var homeResult = await HomeBench.RunAsync(quick, cancel.Token);
    HomeReport.Write(output, homeResult, MachineInfo.Read(), load);
    Console.WriteLine(HomeReport.Render(homeResult, MachineInfo.Read(), load));
    return homeResult.WarmSnapshotMs.Count > 0 && homeResult.Loads.All(l => l.Clients == 0 || l.MeanFps > 0) ? 0 : 1;
}

if (perf)
{
    var perfResult = await PerfBench.RunAsync(quick, parts, rounds, cancel.Token);
    PerfReport.Write(output, perfResult, MachineInfo.Read());
    Console.WriteLine(PerfReport.Render(perfResult, MachineInfo.Read()));
    return perfResult.Levels.All(l => l.MeanMessagesPerSecond > 0) && perfResult.Memory.All(x => x.At50.RssMb > 0) ? 0 : 1;
}

var results = await new Suite(quick ? BenchPlan.QuickSmoke : BenchPlan.Full).RunAsync(cancel.Token);
ReportWriter.Write(output, results);
Console.WriteLine();
Console.WriteLine(ReportWriter.Render(results));
Console.WriteLine($"Written to {output}");
var problems = HarnessCheck.Problems(results);
foreach (var problem in problems)
{
    Console.Error.WriteLine($"harness broken: {problem}");
}

return problems.Count == 0 ? 0 : 1;

// Ctrl+C or SIGTERM: stop measuring; the servers started so far are stopped on the way out.
void Stop(System.Runtime.InteropServices.PosixSignalContext context)
{
    context.Cancel = true;
    cancel.Cancel();
}
