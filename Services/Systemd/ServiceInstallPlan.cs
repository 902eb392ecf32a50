namespace PiStream.Services.Systemd;

/// <summary>
/// What <c>service install</c> or <c>uninstall</c> does, decided before anything is done, so a dry run prints exactly
/// what a real run would do, in this order: commands <see cref="Before"/>, files to write, files to delete, commands
/// <see cref="After"/> (no commands under <c>--root</c>).
/// </summary>
internal sealed record ServiceInstallPlan(
    IReadOnlyList<IReadOnlyList<string>> Before,
    IReadOnlyList<PlannedFile> Writes,
    IReadOnlyList<string> Deletes,
    IReadOnlyList<IReadOnlyList<string>> After)
{
    /// <summary>The groups the camera and the HAT need; only those that exist on this machine are asked for.</summary>
    public static readonly IReadOnlyList<string> DeviceGroups = ["video", "i2c"];

    /// <summary>
    /// Installing: the unit and the settings file (readable by the service user only: it may hold a password), then,
    /// unless <paramref name="root"/> is given, the user, the folders it writes, and enable + start.
    /// </summary>
    public static ServiceInstallPlan Install(string unitText, string settingsJson, string shownSettingsJson, IReadOnlyList<string> writableFolders, string? root, bool userExists, IReadOnlySet<string> existingGroups)
    {
        var writes = new List<PlannedFile>
        {
            new(Under(root, ServiceUnitSettings.UnitPath), unitText, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, unitText),
            new(Under(root, ServiceUnitSettings.ConfigPath), settingsJson, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, shownSettingsJson),
        };
        if (root is not null)
        {
            return new ServiceInstallPlan([], writes, [], []);
        }

        var user = ServiceUnitSettings.User;
        var groups = string.Join(',', DeviceGroups.Where(existingGroups.Contains));
        var before = new List<IReadOnlyList<string>>();
        if (!userExists)
        {
            List<string> useradd = ["useradd", "--system", "--user-group", "--home-dir", ServiceUnitSettings.StateDirectory, "--no-create-home", "--shell", "/usr/sbin/nologin"];
            if (groups.Length > 0)
            {
                useradd.AddRange(["--groups", groups]);
            }

            before.Add([.. useradd, user]);
        }
        else if (groups.Length > 0)
        {
            before.Add(["usermod", "--append", "--groups", groups, user]);
        }

        var commands = new List<IReadOnlyList<string>> { new[] { "chgrp", user, ServiceUnitSettings.ConfigPath } };
        foreach (var folder in writableFolders)
        {
            commands.Add(["install", "-d", "-o", user, "-g", user, folder]);
        }

        commands.Add(["systemctl", "daemon-reload"]);
        commands.Add(["systemctl", "enable", "--now", ServiceUnitSettings.Name]);
        return new ServiceInstallPlan(before, writes, [], commands);
    }

    /// <summary>Uninstalling: stop and disable, delete the unit; the settings, the state and the user stay.</summary>
    public static ServiceInstallPlan Uninstall(string? root) => root is not null
        ? new ServiceInstallPlan([], [], [Under(root, ServiceUnitSettings.UnitPath)], [])
        : new ServiceInstallPlan(
            [["systemctl", "disable", "--now", ServiceUnitSettings.Name]],
            [],
            [ServiceUnitSettings.UnitPath],
            [["systemctl", "daemon-reload"]]);

    /// <summary><paramref name="path"/> inside <paramref name="root"/> (<c>DIR/etc/...</c>), or itself without a root.</summary>
    public static string Under(string? root, string path) => root is null ? path : Path.Join(Path.GetFullPath(root), path);
}
