namespace PiStream.Services.Systemd;

/// <summary>The users and groups this machine has (/etc/passwd, /etc/group).</summary>
internal static class SystemAccounts
{
    public static bool UserExists(string user, string passwd = "/etc/passwd") => Names(passwd).Contains(user);

    public static IReadOnlySet<string> Groups(string group = "/etc/group") => Names(group);

    private static HashSet<string> Names(string file)
    {
        if (!File.Exists(file))
        {
            return [];
        }

        return File.ReadLines(file)
            .Select(line => line.Split(':', 2)[0].Trim())
            .Where(name => name.Length > 0 && !name.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);
    }
}
