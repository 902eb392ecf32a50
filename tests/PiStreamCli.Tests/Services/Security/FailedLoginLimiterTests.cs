using System.Net;
using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Security;

/// <summary>Login attempts per address: refused after ten failures a minute, counted when they start, allowed again after, memory bounded.</summary>
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
            Assert.False(Fail(limiter, Attacker));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.False(limiter.IsBlocked(Attacker, out _));
        Assert.True(Fail(limiter, Attacker));
        Assert.True(limiter.IsBlocked(Attacker, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(51), retryAfter);
        Assert.False(limiter.IsBlocked(IPAddress.Parse("192.0.2.8"), out _));

        clock.Advance(TimeSpan.FromSeconds(51));
        Assert.False(limiter.IsBlocked(Attacker, out _));
        Assert.False(Fail(limiter, Attacker));
    }

    [Fact]
    public void Failures_spread_over_more_than_a_minute_do_not_block()
    {
        var clock = new ManualClock();
        var limiter = new FailedLoginLimiter(clock);
        for (var i = 0; i < 30; i++)
        {
            Fail(limiter, Attacker);
            clock.Advance(TimeSpan.FromSeconds(7));
        }

        Assert.False(limiter.IsBlocked(Attacker, out _));
    }

    [Fact]
    public void An_ipv4_mapped_address_is_the_same_client()
    {
        var limiter = new FailedLoginLimiter(new ManualClock(), maxFailures: 2);
        Fail(limiter, Attacker);
        Fail(limiter, Attacker.MapToIPv6());
        Assert.True(limiter.IsBlocked(Attacker, out _));
    }

    [Fact]
    public void Memory_stays_bounded_and_blocked_addresses_stay_blocked()
    {
        var clock = new ManualClock();
        var limiter = new FailedLoginLimiter(clock, maxFailures: 3, maxAddresses: 100);
        for (var i = 0; i < 3; i++)
        {
            Fail(limiter, Attacker);
        }

        for (var i = 0; i < 10_000; i++)
        {
            Fail(limiter, new IPAddress(0x0A000000u + (uint)i));
        }

        Assert.InRange(limiter.TrackedAddresses, 1, 100);
        Assert.True(limiter.IsBlocked(Attacker, out _));

        clock.Advance(TimeSpan.FromMinutes(2));
        Fail(limiter, IPAddress.Parse("198.51.100.1"));
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

    [Fact]
    public async Task Sixty_checks_started_at_once_admit_at_most_the_allowance_and_two_at_a_time()
    {
        var limiter = new FailedLoginLimiter(new ManualClock());
        var admitted = 0;
        var running = 0;
        var mostAtOnce = 0;
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 60).Select(i => Task.Run(() =>
        {
            start.Wait();
            var attempt = limiter.TryBegin(Attacker, out _, out _);
            if (attempt is null)
            {
                return;
            }

            Interlocked.Increment(ref admitted);
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            Thread.Sleep(20);
            Interlocked.Decrement(ref running);
            limiter.Failed(attempt);
        })).ToArray();
        start.Set();
        await Task.WhenAll(attempts);

        Assert.InRange(admitted, 1, 10);
        Assert.InRange(mostAtOnce, 1, limiter.MaxInFlight);
        while (limiter.TryBegin(Attacker, out _, out _) is { } attempt)
        {
            admitted++;
            limiter.Failed(attempt);
        }

        Assert.Equal(10, admitted);
        Assert.True(limiter.IsBlocked(Attacker, out var retryAfter));
        Assert.True(retryAfter > TimeSpan.Zero);
    }

    [Fact]
    public void A_check_in_progress_counts_so_the_right_password_after_nine_wrong_ones_at_once_is_refused()
    {
        var limiter = new FailedLoginLimiter(new ManualClock(), maxInFlight: 100);
        var pending = Enumerable.Range(0, 10).Select(i => limiter.TryBegin(Attacker, out _, out _)).ToList();
        Assert.All(pending, Assert.NotNull);

        Assert.Null(limiter.TryBegin(Attacker, out _, out var busy));
        Assert.False(busy);
    }

    [Fact]
    public void A_right_password_is_refunded()
    {
        var limiter = new FailedLoginLimiter(new ManualClock());
        for (var i = 0; i < 50; i++)
        {
            FailedLoginLimiter.Succeeded(limiter.TryBegin(Attacker, out _, out _)!);
        }

        Assert.False(limiter.IsBlocked(Attacker, out _));
        Assert.NotNull(limiter.TryBegin(Attacker, out _, out _));
    }

    [Fact]
    public void A_full_table_of_blocked_addresses_still_limits_new_addresses()
    {
        var clock = new ManualClock();
        var limiter = new FailedLoginLimiter(clock, maxFailures: 10, maxAddresses: 100);
        for (uint i = 0; i < 100; i++)
        {
            for (var j = 0; j < 10; j++)
            {
                Fail(limiter, new IPAddress(0x0A000000u + i));
            }
        }

        var guesser = IPAddress.Parse("198.51.100.9");
        var checkedGuesses = 0;
        for (var i = 0; i < 1000; i++)
        {
            if (limiter.TryBegin(guesser, out _, out _) is { } attempt)
            {
                checkedGuesses++;
                limiter.Failed(attempt);
            }
        }

        Assert.InRange(checkedGuesses, 0, 10);
        Assert.True(limiter.IsBlocked(guesser, out _));
        Assert.Null(limiter.TryBegin(guesser, out _, out _));
        Assert.InRange(limiter.TrackedAddresses, 1, 100);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.NotNull(limiter.TryBegin(guesser, out _, out _));
    }

    [Fact]
    public void Addresses_of_one_ipv6_64_network_share_one_allowance()
    {
        var limiter = new FailedLoginLimiter(new ManualClock(), maxFailures: 3);
        for (var i = 1; i <= 3; i++)
        {
            Fail(limiter, IPAddress.Parse($"2001:db8:1:2::{i:x}"));
        }

        Assert.True(limiter.IsBlocked(IPAddress.Parse("2001:db8:1:2:ffff::1"), out _));
        Assert.False(limiter.IsBlocked(IPAddress.Parse("2001:db8:1:3::1"), out _));
    }

    /// <summary>One wrong password from <paramref name="address"/>; true when it used up the allowance. False too when it was refused.</summary>
    private static bool Fail(FailedLoginLimiter limiter, IPAddress address) =>
        limiter.TryBegin(address, out _, out _) is { } attempt && limiter.Failed(attempt);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
