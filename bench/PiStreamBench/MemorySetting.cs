namespace PiStream.Bench;

/// <summary>
/// One build or runtime setting tried for memory: the JIT build as shipped (environment variables override its
/// runtimeconfig) or the Native AOT build (<see cref="Native"/>, when the run has one). The JIT settings tried earlier
/// (ConcurrentGarbageCollection, TieredPGO, TieredCompilation, segments GC, gen0 budget, GCConserveMemory, a heap
/// limit, W^X) are reported in docs/benchmarks.md; none came near the native build.
/// </summary>
internal sealed record MemorySetting(string Name, IReadOnlyDictionary<string, string> Environment, bool Native = false)
{
    /// <summary>The builds compared, each in a fresh server.</summary>
    public static IReadOnlyList<MemorySetting> All { get; } =
    [
        new("JIT build (pistream.any, runtime defaults)", new Dictionary<string, string>()),
        new("Native AOT build (pistream.linux-arm64's form, and the release tarballs)", new Dictionary<string, string>(), Native: true),
    ];
}
