namespace PiStream.Tests.Support;

/// <summary>
/// Tests that read <c>/metrics</c> and need every family of their own server: they run alone. OpenTelemetry's exporter
/// listens to every meter named "PiStream" in the process, so while other tests' servers start and stop beside it, an
/// instrument of the same name may come from a neighbour's meter (one server per process in production, many here).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReadsProcessWideMetrics
{
    public const string Name = "Reads process-wide metrics: runs alone";
}
