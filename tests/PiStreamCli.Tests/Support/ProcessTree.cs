namespace PiStream.Tests.Support;

/// <summary>Reads parent/child relations and liveness from /proc.</summary>
internal static class ProcessTree
{
    public static IReadOnlyList<int> ChildrenOf(int parent) =>
        Directory.GetDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(name => int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture))
            .Where(pid => ParentOf(pid) == parent)
            .ToArray();

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        var stat = Stat(pid);
        return stat is not null && StateOf(stat) != 'Z';
    }

    private static int? ParentOf(int pid)
    {
        var stat = Stat(pid);
        if (stat is null)
        {
            return null;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
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
