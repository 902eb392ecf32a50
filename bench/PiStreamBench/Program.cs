using PiStream.Bench;

// pistream benchmarks: bash bench/run.sh [--quick] [--output PATH]. See docs/benchmarks.md.
// --players / --players-drift: issue 12's modes (PlayersMode), each with its own block of docs/benchmarks.md.
var quick = args.Contains("--quick");
var home = args.Contains("--home");
var players = args.FirstOrDefault(a => a is "--players" or "--players-drift" or "--players-quality");
var outputIndex = Array.IndexOf(args, "--output");
var output = outputIndex >= 0 && outputIndex + 1 < args.Length ? args[outputIndex + 1] : null;
var unknown = args.Where((a, i) => a != "--quick" && a != "--home" && a != "--players" && a != "--players-drift" && a != "--players-quality" && a != "--output" && (outputIndex < 0 || i != outputIndex + 1)).ToArray();
if (unknown.Length > 0 || output is null)
{
    Console.Error.WriteLine($"usage: PiStreamBench [--quick] [--home|--players|--players-drift|--players-quality] --output PATH{(unknown.Length > 0 ? $" (unknown: {string.Join(' ', unknown)})" : "")}");
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
