using PiStream.Services.Systemd;

namespace PiStream.Tests.Services.Systemd;

public sealed class ServiceUnitTests
{
    private static readonly ServiceUnitSettings Plain = new(
        ["/opt/pistream/pistream", "serve", "--config", "/etc/pistream/pistream.json"], "/usr/share/dotnet", [], BindsLowPort: false, ReadsHome: false);

    [Fact]
    public void The_unit_notifies_is_watched_restarts_and_runs_as_pistream()
    {
        var lines = Lines(ServiceUnit.Write(Plain));

        Assert.Contains("Type=notify", lines);
        Assert.Contains("WatchdogSec=30", lines);
        Assert.Contains("Restart=on-failure", lines);
        Assert.Contains("ExecStart=/opt/pistream/pistream serve --config /etc/pistream/pistream.json", lines);
        Assert.Contains("User=pistream", lines);
        Assert.Contains("StateDirectory=pistream", lines);
        Assert.Contains("WantedBy=multi-user.target", lines);
    }

    [Fact]
    public void The_unit_is_hardened_but_reaches_the_camera_and_the_hat()
    {
        var lines = Lines(ServiceUnit.Write(Plain));

        Assert.Contains("NoNewPrivileges=yes", lines);
        Assert.Contains("ProtectSystem=strict", lines);
        Assert.Contains("ProtectHome=yes", lines);
        Assert.Contains("PrivateTmp=yes", lines);
        Assert.Contains("DevicePolicy=closed", lines);
        Assert.Contains("DeviceAllow=char-video4linux rw", lines);
        Assert.Contains("DeviceAllow=char-media rw", lines);
        Assert.Contains("DeviceAllow=char-dma_heap rw", lines);
        Assert.Contains("DeviceAllow=char-i2c rw", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("AmbientCapabilities", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("ReadWritePaths", StringComparison.Ordinal));
    }

    [Fact]
    public void A_recordings_folder_a_low_port_and_a_tool_in_home_loosen_exactly_what_they_need()
    {
        var unit = Plain with { WritablePaths = ["/srv/bird box"], BindsLowPort = true, ReadsHome = true };

        var lines = Lines(ServiceUnit.Write(unit));

        Assert.Contains("ReadWritePaths=\"-/srv/bird box\"", lines);
        Assert.Contains("AmbientCapabilities=CAP_NET_BIND_SERVICE", lines);
        Assert.Contains("ProtectHome=read-only", lines);
    }

    [Theory]
    [InlineData("/usr/bin/dotnet", "/usr/bin/dotnet")]
    [InlineData("/opt/my tools/pistream", "\"/opt/my tools/pistream\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("100%", "100%%")]
    [InlineData("$HOME", "$$HOME")]
    [InlineData("", "\"\"")]
    public void Words_are_quoted_and_escaped_as_systemd_reads_them(string word, string expected)
    {
        Assert.Equal(expected, ServiceUnit.Quote(word));
    }

    private static string[] Lines(string unit) => unit.Split('\n');
}
