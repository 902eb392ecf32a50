using System.Globalization;

namespace PiStream.Testing;

/// <summary>
/// One reading of a process from /proc: CPU time (utime + stime from /proc/PID/stat, this process only:
/// children such as ffmpeg are not included), resident memory (VmRSS), threads, and open file descriptors.
/// </summary>
public sealed record ProcessSample(DateTime At, double CpuSeconds, long RssBytes, int Threads, int OpenFiles)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public double RssMiB => RssBytes / 1048576.0;

    public static ProcessSample Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields after "(comm) ": state is index 0, so utime (field 14) is index 11 and stime index 12.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return new ProcessSample(
            DateTime.UtcNow,
            ticks / TicksPerSecond,
            StatusField(status, "VmRSS:") * 1024,
            (int)StatusField(status, "Threads:"),
            Directory.GetFiles($"/proc/{pid}/fd").Length);
    }

    /// <summary>CPU used between two samples, as a percentage of one core.</summary>
    public static double CorePercent(ProcessSample from, ProcessSample to) =>
        100 * (to.CpuSeconds - from.CpuSeconds) / (to.At - from.At).TotalSeconds;

    /// <summary>The number in a "Name:&lt;tab&gt;value [unit]" line of /proc/PID/status.</summary>
    private static long StatusField(string[] status, string name)
    {
        var line = status.First(line => line.StartsWith(name, StringComparison.Ordinal));
        return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
