namespace PiStream.Bench;

/// <summary>Everything <c>bash bench/run.sh --perf</c> measured, with the load average as each part started.</summary>
internal sealed record PerfResult(
    bool Quick,
    DateTimeOffset Started,
    TimeSpan Took,
    IReadOnlyDictionary<string, string> Load,
    IReadOnlyList<PerfLevel> Levels,
    IReadOnlyList<MemoryResult> Memory,
    IReadOnlyList<PiBudgetResult> PiBudget,
    IReadOnlyList<RendererResult> Renderers);
