namespace PiStream.Services.Presets;

/// <summary>Where <c>serve</c> keeps what must survive a restart (presets): <c>--state-dir</c>.</summary>
internal static class StateDirectory
{
    /// <summary><c>$XDG_STATE_HOME/pistream</c>, else <c>~/.local/state/pistream</c> (a service sets <c>/var/lib/pistream</c>).</summary>
    public static string Default()
    {
        var stateHome = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (!string.IsNullOrWhiteSpace(stateHome) && Path.IsPathRooted(stateHome))
        {
            return Path.Combine(stateHome, "pistream");
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state", "pistream");
    }
}
