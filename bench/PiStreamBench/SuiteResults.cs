namespace PiStream.Bench;

/// <summary>Everything one suite run measured, with when, where and how busy the machine was.</summary>
internal sealed record SuiteResults(
    BenchPlan Plan,
    MachineInfo Machine,
    DateTimeOffset Started,
    TimeSpan Took,
    IReadOnlyDictionary<string, string> LoadBySection,
    LatencyResults Latency,
    IReadOnlyList<FanOutResult> FanOut,
    BurstResult Burst,
    IsolationResult Isolation,
    double[] StartupMs);
