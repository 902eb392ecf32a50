namespace PiStream.Bench;

/// <summary>
/// The Native AOT build of pistream for this machine, the form a Raspberry Pi runs (its tool package and the release
/// tarballs are Native AOT): <c>bench/run.sh --perf</c> publishes it and names it in <c>BENCH_NATIVE_PISTREAM</c>.
/// </summary>
internal static class NativeBuild
{
    public const string Variable = "BENCH_NATIVE_PISTREAM";

    /// <summary>The executable, or null when the run has none (then only the JIT build is measured).</summary>
    public static string? Executable =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path && File.Exists(path) ? path : null;
}
