using System.Globalization;

namespace PiStream.Bench;

/// <summary>
/// What a server's resident memory is made of: anonymous memory (GC heap, JIT code, native allocations, thread stacks)
/// file-backed pages (the runtime's and the tool's mapped assemblies, shared and clean) and shared memory (the runtime's
/// W^X double mapping of JIT-compiled code and stubs, <c>/memfd:doublemapper</c>), from /proc/PID/status;
/// the GC's own view (committed and heap after the last collection) from the server's /metrics.
/// </summary>
internal sealed record MemorySample(double RssMb, double AnonMb, double FileMb, double ShmemMb, double GcCommittedMb, double GcHeapMb)
{
    public static async Task<MemorySample> ReadAsync(int pid, int httpPort, CancellationToken cancellationToken)
    {
        var status = await File.ReadAllLinesAsync($"/proc/{pid}/status", cancellationToken);
        double committed = double.NaN, heap = double.NaN;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}/metrics"), cancellationToken);
            committed = Sum(metrics, "dotnet_gc_last_collection_memory_committed_size");
            heap = Sum(metrics, "dotnet_gc_last_collection_heap_size");
        }
        catch (HttpRequestException)
        {
            // No /metrics (an older build): the GC columns stay empty.
        }

        return new MemorySample(Kb(status, "VmRSS:") / 1024, Kb(status, "RssAnon:") / 1024, Kb(status, "RssFile:") / 1024, Kb(status, "RssShmem:") / 1024, committed / 1048576, heap / 1048576);
    }

    private static double Kb(string[] status, string name) =>
        double.Parse(status.First(line => line.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>The sum of a Prometheus metric's samples (all label sets), NaN when it is not there.</summary>
    private static double Sum(string metrics, string name)
    {
        var values = metrics.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && !line.StartsWith('#'))
            .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
            .ToArray();
        return values.Length == 0 ? double.NaN : values.Sum();
    }
}
