namespace PiStream.Services.Processes;

/// <summary>Finds a program on PATH the way a shell would, without starting it.</summary>
internal static class ExecutableFinder
{
    public static string? Find(string name, string? path = null)
    {
        if (name.Contains('/'))
        {
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        }

        path ??= Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The first of <paramref name="names"/> that is on PATH.</summary>
    public static string? FindFirst(params string[] names) => FindFirstOn(null, names);

    /// <summary>The first of <paramref name="names"/> that is on <paramref name="path"/> (PATH when null).</summary>
    public static string? FindFirstOn(string? path, params string[] names) => names.Select(name => Find(name, path)).FirstOrDefault(found => found is not null);
}
