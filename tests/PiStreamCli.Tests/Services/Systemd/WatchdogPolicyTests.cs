using Microsoft.Extensions.Time.Testing;
using PiStream.Services.Systemd;

namespace PiStream.Tests.Services.Systemd;

public sealed class WatchdogPolicyTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void It_ticks_at_half_the_timeout()
    {
        var policy = new WatchdogPolicy(TimeSpan.FromSeconds(30), _clock);

        Assert.Equal(TimeSpan.FromSeconds(15), policy.Period);
    }

    [Fact]
    public void Frames_that_flow_keep_the_watchdog_fed()
    {
        var policy = new WatchdogPolicy(TimeSpan.FromSeconds(30), _clock);

        Assert.True(policy.ShouldNotify(24));
        _clock.Advance(policy.Period);
        Assert.True(policy.ShouldNotify(384));
        _clock.Advance(policy.Period);
        Assert.True(policy.ShouldNotify(744));
        Assert.Equal(TimeSpan.Zero, policy.Stalled);
    }

    [Fact]
    public void A_wedged_pipeline_starves_the_watchdog_until_frames_come_back()
    {
        var policy = new WatchdogPolicy(TimeSpan.FromSeconds(30), _clock);
        Assert.True(policy.ShouldNotify(100));

        _clock.Advance(policy.Period);
        Assert.False(policy.ShouldNotify(100));
        _clock.Advance(policy.Period);
        Assert.False(policy.ShouldNotify(100));
        Assert.Equal(TimeSpan.FromSeconds(30), policy.Stalled);

        _clock.Advance(policy.Period);
        Assert.True(policy.ShouldNotify(101));
        Assert.Equal(TimeSpan.Zero, policy.Stalled);
    }

    [Fact]
    public void No_frame_yet_is_no_keep_alive()
    {
        var policy = new WatchdogPolicy(TimeSpan.FromSeconds(10), _clock);

        Assert.False(policy.ShouldNotify(0));
        _clock.Advance(policy.Period);
        Assert.False(policy.ShouldNotify(0));
        Assert.True(policy.ShouldNotify(1));
    }

    [Theory]
    [InlineData("30000000", null, 30.0)]
    [InlineData("30000000", "", 30.0)]
    [InlineData("2000000", "4242", 2.0)]
    [InlineData("2000000", "999", null)]
    [InlineData(null, null, null)]
    [InlineData("0", null, null)]
    [InlineData("abc", null, null)]
    [InlineData("-5", null, null)]
    public void The_timeout_comes_from_WATCHDOG_USEC_for_this_process(string? usec, string? pid, double? seconds)
    {
        var timeout = WatchdogPolicy.TimeoutFrom(usec, pid, processId: 4242);

        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, timeout);
    }
}
