using System.Diagnostics;
using System.Globalization;

namespace PiStream.Testing;

/// <summary>Parent/child relations and liveness from /proc, and signals sent the way <c>kill</c> sends them.</summary>
public static class ProcessTree
{
    /// <summary>Process ids whose parent is <paramref name="parent"/> (for pistream: ffmpeg, rpicam-vid ...).</summary>
    public static IReadOnlyList<int> ChildrenOf(int parent) =>
        Directory.GetDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, CultureInfo.InvariantCulture, out _))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => ParentOf(pid) == parent)
            .ToArray();

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        var stat = Stat(pid);
        return stat is not null && StateOf(stat) != 'Z';
    }

    /// <summary>Sends <paramref name="signal"/> (TERM, KILL, STOP, CONT ...) to one process, as <c>kill -SIGNAL PID</c> does.</summary>
    public static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static int? ParentOf(int pid)
    {
        var stat = Stat(pid);
        if (stat is null)
        {
            return null;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], CultureInfo.InvariantCulture);
    }

    private static char StateOf(string stat) => stat[stat.LastIndexOf(')') + 2];

    private static string? Stat(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
    }
}
