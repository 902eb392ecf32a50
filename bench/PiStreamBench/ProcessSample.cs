using System.Globalization;

namespace PiStream.Bench;

/// <summary>
/// One reading of a process's CPU time (utime + stime from /proc/PID/stat, this process only: children
/// such as ffmpeg are not included) and resident memory (VmRSS from /proc/PID/status).
/// </summary>
internal sealed record ProcessSample(DateTime At, double CpuSeconds, long RssBytes)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static ProcessSample Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields after "(comm) ": state is index 0, so utime (field 14) is index 11 and stime index 12.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var rssLine = File.ReadLines($"/proc/{pid}/status").First(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(rssLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return new ProcessSample(DateTime.UtcNow, ticks / TicksPerSecond, kilobytes * 1024);
    }

    /// <summary>CPU used between two samples, as a percentage of one core.</summary>
    public static double CorePercent(ProcessSample from, ProcessSample to) =>
        100 * (to.CpuSeconds - from.CpuSeconds) / (to.At - from.At).TotalSeconds;
}
