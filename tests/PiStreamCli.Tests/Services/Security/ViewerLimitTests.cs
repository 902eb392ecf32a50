using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Security;

namespace PiStream.Tests.Services.Security;

/// <summary>The viewer cap in all and per address: a few reconnecting clients cannot hold every place.</summary>
public sealed class ViewerLimitTests
{
    [Fact]
    public void One_address_gets_at_most_its_share_and_the_others_still_get_in()
    {
        var limit = new ViewerLimit(maxViewers: 32, maxPerAddress: 8, NullLogger<ViewerLimit>.Instance);
        var greedy = IPAddress.Parse("192.0.2.7");
        for (var i = 0; i < 8; i++)
        {
            Assert.True(limit.TryEnter(greedy, out _));
        }

        Assert.False(limit.TryEnter(greedy, out var refusal));
        Assert.Contains("--max-viewers-per-address 8", refusal);
        Assert.True(limit.TryEnter(IPAddress.Parse("192.0.2.8"), out _));
        Assert.Equal(9, limit.InUse);

        limit.Exit(greedy);
        Assert.True(limit.TryEnter(greedy, out _));
    }

    [Fact]
    public void An_ipv6_client_counts_as_its_64_network_and_this_machine_is_not_capped_per_address()
    {
        var limit = new ViewerLimit(maxViewers: 100, maxPerAddress: 2, NullLogger<ViewerLimit>.Instance);
        Assert.True(limit.TryEnter(IPAddress.Parse("2001:db8:1:2::1"), out _));
        Assert.True(limit.TryEnter(IPAddress.Parse("2001:db8:1:2::2"), out _));
        Assert.False(limit.TryEnter(IPAddress.Parse("2001:db8:1:2:ffff::3"), out _));
        for (var i = 0; i < 10; i++)
        {
            Assert.True(limit.TryEnter(IPAddress.Loopback, out _));
        }
    }

    [Fact]
    public void The_total_cap_still_holds()
    {
        var limit = new ViewerLimit(maxViewers: 3, maxPerAddress: 8, NullLogger<ViewerLimit>.Instance);
        for (var i = 1; i <= 3; i++)
        {
            Assert.True(limit.TryEnter(IPAddress.Parse($"192.0.2.{i}"), out _));
        }

        Assert.False(limit.TryEnter(IPAddress.Parse("192.0.2.4"), out var refusal));
        Assert.Contains("--max-viewers 3", refusal);
        Assert.Equal(3, limit.InUse);
    }
}
