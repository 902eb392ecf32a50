namespace PiStream.Bench;

/// <summary>One runtime setting tried for memory, given to the server as environment variables (they override the runtimeconfig).</summary>
internal sealed record MemorySetting(string Name, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The settings tried, one at a time against the build as shipped, then together.</summary>
    public static IReadOnlyList<MemorySetting> All { get; } =
    [
        new("as built (runtime defaults)", new Dictionary<string, string>()),
        new("+ ConcurrentGarbageCollection=false, TieredPGO=false (DOTNET_gcConcurrent=0, DOTNET_TieredPGO=0)", Env(("DOTNET_gcConcurrent", "0"), ("DOTNET_TieredPGO", "0"))),
        new("+ TieredPGO=false (DOTNET_TieredPGO=0)", Env(("DOTNET_TieredPGO", "0"))),
        new("+ TieredCompilation=false (DOTNET_TieredCompilation=0)", Env(("DOTNET_TieredCompilation", "0"))),
        new("+ segments GC instead of regions (DOTNET_GCName=libclrgc.so)", Env(("DOTNET_GCName", "libclrgc.so"))),
        new("+ gen0 budget 4 MB (DOTNET_GCgen0size=0x400000)", Env(("DOTNET_GCgen0size", "0x400000"))),
        new("+ GCConserveMemory=7", Env(("DOTNET_GCConserveMemory", "7"))),
        new("+ GCHeapHardLimit=64 MB", Env(("DOTNET_GCHeapHardLimit", "0x4000000"))),
        new("+ W^X off (DOTNET_EnableWriteXorExecute=0)", Env(("DOTNET_EnableWriteXorExecute", "0"))),
        new("+ TieredCompilation off + W^X off", Env(("DOTNET_TieredCompilation", "0"), ("DOTNET_EnableWriteXorExecute", "0"))),
    ];

    private static Dictionary<string, string> Env(params (string Name, string Value)[] pairs) => pairs.ToDictionary(p => p.Name, p => p.Value);
}
