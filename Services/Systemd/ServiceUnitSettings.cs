namespace PiStream.Services.Systemd;

/// <summary>What the unit file depends on: the program to start, where its settings are, and what it must reach.</summary>
/// <param name="ExecStart">The program and its arguments, absolute paths (the installed pistream, or dotnet and the dll).</param>
/// <param name="DotnetRoot">The .NET install the program runs on (DOTNET_ROOT), or null.</param>
/// <param name="WritablePaths">Folders outside the state directory the service writes (the recordings folder).</param>
/// <param name="BindsLowPort">True when a port below 1024 is configured (the service needs CAP_NET_BIND_SERVICE).</param>
/// <param name="ReadsHome">True when the program lives under /home (the home folders are then read-only rather than hidden).</param>
internal sealed record ServiceUnitSettings(
    IReadOnlyList<string> ExecStart,
    string? DotnetRoot,
    IReadOnlyList<string> WritablePaths,
    bool BindsLowPort,
    bool ReadsHome)
{
    public const string Name = "pistream.service";
    public const string User = "pistream";
    public const string UnitPath = "/etc/systemd/system/pistream.service";
    public const string ConfigPath = "/etc/pistream/pistream.json";
    public const string StateDirectory = "/var/lib/pistream";

    /// <summary>systemd restarts pistream when no frame was encoded for this long.</summary>
    public static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(30);
}
