namespace PiStream.Services.Security;

/// <summary>
/// Reads an <c>--auth-file</c>: one <c>user:hash</c> per line (hashes from <c>pistream hash-password</c>);
/// blank lines and lines starting with <c>#</c> are skipped.
/// </summary>
internal static class AuthFile
{
    public static bool TryRead(string path, IDictionary<string, PasswordHash> users, out string error)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"--auth-file '{path}' cannot be read ({e.Message}): give a readable file with one user:hash per line.";
            return false;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                error = $"--auth-file '{path}' line {i + 1} is not 'user:hash': make each line with 'pistream hash-password --user NAME'.";
                return false;
            }

            if (!PasswordHash.TryParse(line[(colon + 1)..], out var hash, out var reason))
            {
                error = $"--auth-file '{path}' line {i + 1}: {reason}.";
                return false;
            }

            users[line[..colon]] = hash!;
        }

        if (users.Count == 0)
        {
            error = $"--auth-file '{path}' has no users: add lines made with 'pistream hash-password --user NAME'.";
            return false;
        }

        error = "";
        return true;
    }
}
