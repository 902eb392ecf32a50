using System.Text;

namespace PiStream.Services.Systemd;

/// <summary>
/// The text of <c>pistream.service</c>: <c>Type=notify</c> with a watchdog, restarted on failure, run as the
/// <c>pistream</c> user with the file system read-only but for its state directory, and only the camera and I2C
/// devices reachable. Pure; <c>systemd-analyze verify</c> accepts what it writes.
/// </summary>
internal static class ServiceUnit
{
    public static string Write(ServiceUnitSettings settings)
    {
        var unit = new StringBuilder();
        unit.Append("""
            # Written by 'pistream service install'; settings live in /etc/pistream/pistream.json (docs/config.md).
            [Unit]
            Description=pistream: Raspberry Pi camera streaming to web browsers
            Wants=network-online.target
            After=network-online.target

            [Service]
            Type=notify
            NotifyAccess=main

            """);
        unit.Append("ExecStart=").AppendJoin(' ', settings.ExecStart.Select(Quote)).Append('\n');
        if (settings.DotnetRoot is { } dotnetRoot)
        {
            unit.Append("Environment=").Append(Quote($"DOTNET_ROOT={dotnetRoot}")).Append('\n');
        }

        unit.Append($"""
            User={ServiceUnitSettings.User}
            Group={ServiceUnitSettings.User}
            StateDirectory=pistream
            WorkingDirectory={ServiceUnitSettings.StateDirectory}
            Restart=on-failure
            RestartSec=5
            TimeoutStartSec=90
            TimeoutStopSec=20
            WatchdogSec={(int)ServiceUnitSettings.Watchdog.TotalSeconds}

            NoNewPrivileges=yes
            ProtectSystem=strict
            ProtectHome={(settings.ReadsHome ? "read-only" : "yes")}
            PrivateTmp=yes
            ProtectKernelTunables=yes
            ProtectControlGroups=yes
            RestrictSUIDSGID=yes
            DevicePolicy=closed
            DeviceAllow=char-video4linux rw
            DeviceAllow=char-media rw
            DeviceAllow=char-dma_heap rw
            DeviceAllow=char-i2c rw

            """);
        foreach (var path in settings.WritablePaths)
        {
            unit.Append("ReadWritePaths=").Append(Quote("-" + path)).Append('\n');
        }

        if (settings.BindsLowPort)
        {
            unit.Append("AmbientCapabilities=CAP_NET_BIND_SERVICE\n");
        }

        unit.Append("""

            [Install]
            WantedBy=multi-user.target

            """);
        return unit.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>
    /// One word of a systemd command line or setting: quoted when it has spaces or quotes, with <c>%</c> and
    /// <c>$</c> doubled so systemd takes them literally (systemd.service(5), systemd.unit(5) specifiers).
    /// </summary>
    public static string Quote(string word)
    {
        var escaped = word.Replace("%", "%%", StringComparison.Ordinal).Replace("$", "$$", StringComparison.Ordinal);
        if (escaped.Length > 0 && !escaped.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\' or ';'))
        {
            return escaped;
        }

        return "\"" + escaped.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
