namespace PiStream.Bench;

/// <summary>A server the perf benchmark loads with viewers: pistream or the comparison relay.</summary>
internal sealed record PerfTarget(string Name, int Pid, Uri StreamUri);
