using System.Net;
using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Security;

/// <summary>Failed logins per address: refused after ten a minute, allowed again after, memory bounded.</summary>
public sealed class FailedLoginLimiterTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("192.0.2.7");

    [Fact]
    public void Ten_failures_in_a_minute_block_the_address_until_the_minute_is_over()
    {
        var clock = new ManualClock();
        var limiter = new FailedLoginLimiter(clock);
        for (var i = 1; i < 10; i++)
        {
            Assert.False(limiter.RecordFailure(Attacker));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.False(limiter.IsBlocked(Attacker, out _));
        Assert.True(limiter.RecordFailure(Attacker));
        Assert.True(limiter.IsBlocked(Attacker, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(51), retryAfter);
        Assert.False(limiter.IsBlocked(IPAddress.Parse("192.0.2.8"), out _));

        clock.Advance(TimeSpan.FromSeconds(51));
        Assert.False(limiter.IsBlocked(Attacker, out _));
        Assert.False(limiter.RecordFailure(Attacker));
    }

    [Fact]
    public void Failures_spread_over_more_than_a_minute_do_not_block()
    {
        var clock = new ManualClock();
        var limiter = new FailedLoginLimiter(clock);
        for (var i = 0; i < 30; i++)
        {
            limiter.RecordFailure(Attacker);
            clock.Advance(TimeSpan.FromSeconds(7));
        }

        Assert.False(limiter.IsBlocked(Attacker, out _));
    }

    [Fact]
    public void An_ipv4_mapped_address_is_the_same_client()
    {
        var limiter = new FailedLoginLimiter(new ManualClock(), maxFailures: 2);
        limiter.RecordFailure(Attacker);
        limiter.RecordFailure(Attacker.MapToIPv6());
        Assert.True(limiter.IsBlocked(Attacker, out _));
    }

    [Fact]
    public void Memory_stays_bounded_and_blocked_addresses_stay_blocked()
    {
        var clock = new ManualClock();
        var limiter = new FailedLoginLimiter(clock, maxFailures: 3, maxAddresses: 100);
        for (var i = 0; i < 3; i++)
        {
            limiter.RecordFailure(Attacker);
        }

        for (var i = 0; i < 10_000; i++)
        {
            limiter.RecordFailure(new IPAddress(0x0A000000u + (uint)i));
        }

        Assert.InRange(limiter.TrackedAddresses, 1, 100);
        Assert.True(limiter.IsBlocked(Attacker, out _));

        clock.Advance(TimeSpan.FromMinutes(2));
        limiter.RecordFailure(IPAddress.Parse("198.51.100.1"));
        Assert.InRange(limiter.TrackedAddresses, 1, 100);
    }

    [Fact]
    public void An_ipv6_client_counts_as_its_whole_64_network()
    {
        Assert.Equal(
            FailedLoginLimiter.Normalize(System.Net.IPAddress.Parse("2001:db8:1:2:aaaa::1")),
            FailedLoginLimiter.Normalize(System.Net.IPAddress.Parse("2001:db8:1:2:ffff:1:2:3")));
        Assert.NotEqual(
            FailedLoginLimiter.Normalize(System.Net.IPAddress.Parse("2001:db8:1:2::1")),
            FailedLoginLimiter.Normalize(System.Net.IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal(System.Net.IPAddress.Parse("192.0.2.7"), FailedLoginLimiter.Normalize(System.Net.IPAddress.Parse("::ffff:192.0.2.7")));
    }
}
