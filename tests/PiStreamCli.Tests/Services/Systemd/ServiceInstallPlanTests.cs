using PiStream.Services.Systemd;

namespace PiStream.Tests.Services.Systemd;

public sealed class ServiceInstallPlanTests
{
    [Fact]
    public void A_real_install_makes_the_user_then_writes_then_enables()
    {
        var plan = ServiceInstallPlan.Install("unit", "{}", "{}", ["/srv/cam"], root: null, userExists: false, new HashSet<string> { "video", "i2c", "audio" });

        Assert.Equal(
            ["useradd --system --user-group --home-dir /var/lib/pistream --no-create-home --shell /usr/sbin/nologin --groups video,i2c pistream"],
            plan.Before.Select(command => string.Join(' ', command)));
        Assert.Equal(["/etc/systemd/system/pistream.service", "/etc/pistream/pistream.json"], plan.Writes.Select(file => file.Path));
        Assert.Equal(
            [
                "chgrp pistream /etc/pistream/pistream.json",
                "install -d -o pistream -g pistream /srv/cam",
                "systemctl daemon-reload",
                "systemctl enable --now pistream.service",
            ],
            plan.After.Select(command => string.Join(' ', command)));
    }

    [Fact]
    public void An_existing_user_only_joins_the_groups_this_machine_has()
    {
        var plan = ServiceInstallPlan.Install("unit", "{}", "{}", [], root: null, userExists: true, new HashSet<string> { "video" });

        Assert.Equal(["usermod --append --groups video pistream"], plan.Before.Select(command => string.Join(' ', command)));
    }

    [Fact]
    public void The_settings_file_is_for_the_service_user_only_because_it_may_hold_a_password()
    {
        var plan = ServiceInstallPlan.Install("unit", "{\"auth\":\"a:b\"}", "{\"auth\":\"********\"}", [], root: null, userExists: true, new HashSet<string>());

        var settings = plan.Writes.Single(file => file.Path.EndsWith(".json", StringComparison.Ordinal));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, settings.Mode);
        Assert.DoesNotContain("a:b", settings.Shown);
    }

    [Fact]
    public void Under_a_root_only_the_two_files_are_written()
    {
        var plan = ServiceInstallPlan.Install("unit", "{}", "{}", ["/srv/cam"], root: "/tmp/pkg", userExists: false, new HashSet<string> { "video" });

        Assert.Empty(plan.Before);
        Assert.Empty(plan.After);
        Assert.Equal(["/tmp/pkg/etc/systemd/system/pistream.service", "/tmp/pkg/etc/pistream/pistream.json"], plan.Writes.Select(file => file.Path));
    }

    [Fact]
    public void Uninstall_stops_before_deleting_and_reloads_after()
    {
        var plan = ServiceInstallPlan.Uninstall(root: null);

        Assert.Equal(["systemctl disable --now pistream.service"], plan.Before.Select(command => string.Join(' ', command)));
        Assert.Equal(["/etc/systemd/system/pistream.service"], plan.Deletes);
        Assert.Equal(["systemctl daemon-reload"], plan.After.Select(command => string.Join(' ', command)));
    }
}
