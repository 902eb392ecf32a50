using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Security;

/// <summary>The viewer cap in all and per address: a few reconnecting clients cannot hold every place; refusals say why, and a flood of them is logged once.</summary>
public sealed class ViewerLimitTests
{
    [Fact]
    public void One_address_gets_at_most_its_share_and_the_others_still_get_in()
    {
        var limit = NewLimit(maxViewers: 32, maxPerAddress: 8);
        var greedy = IPAddress.Parse("192.0.2.7");
        for (var i = 0; i < 8; i++)
        {
            Assert.True(limit.TryEnter(greedy, out _));
        }

        Assert.False(limit.TryEnter(greedy, out var refusal));
        Assert.Equal("--max-viewers-per-address", refusal.Option);
        Assert.Equal("Viewer limit reached for your address (8): close another viewer, or raise --max-viewers-per-address.", refusal.Message);
        Assert.True(limit.TryEnter(IPAddress.Parse("192.0.2.8"), out _));
        Assert.Equal(9, limit.InUse);

        limit.Exit(greedy);
        Assert.True(limit.TryEnter(greedy, out _));
    }

    [Fact]
    public void An_ipv6_client_counts_as_its_64_network_and_this_machine_is_not_capped_per_address()
    {
        var limit = NewLimit(maxViewers: 100, maxPerAddress: 2);
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
        var limit = NewLimit(maxViewers: 3, maxPerAddress: 8);
        for (var i = 1; i <= 3; i++)
        {
            Assert.True(limit.TryEnter(IPAddress.Parse($"192.0.2.{i}"), out _));
        }

        Assert.False(limit.TryEnter(IPAddress.Parse("192.0.2.4"), out var refusal));
        Assert.Equal("Viewer limit reached (3): raise --max-viewers on the server, or try again later.", refusal.Message);
        Assert.Equal(3, limit.InUse);
    }

    [Fact]
    public void Every_refusal_fits_a_websocket_close_reason_at_the_largest_limits()
    {
        foreach (var refusal in new[] { ViewerRefusal.Total(10_000), ViewerRefusal.PerAddress(10_000) })
        {
            Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(refusal.Message), 1, ViewerRefusal.MaxMessageBytes);
        }
    }

    [Fact]
    public void A_flood_of_refusals_is_logged_once_and_the_next_line_counts_the_rest()
    {
        using var log = new RecordingLoggerProvider();
        var time = new FakeTimeProvider();
        var refusals = new ViewerRefusals(time, log.CreateLogger("ViewerLimit"));
        var flooder = IPAddress.Parse("192.0.2.9");
        for (var i = 0; i < 500; i++)
        {
            refusals.Refused(flooder, ViewerRefusal.Total(32));
            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        var first = Assert.Single(log.Entries);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, first.Level);
        Assert.Contains("192.0.2.9", first.Message);
        Assert.Contains("--max-viewers 32", first.Message);
        Assert.Equal(0, first.Values["Unlogged"]);

        time.Advance(ViewerRefusals.Quiet);
        refusals.Refused(IPAddress.Parse("192.0.2.10"), ViewerRefusal.PerAddress(8));

        Assert.Equal(2, log.Entries.Count);
        var second = log.Entries[1];
        Assert.Contains("--max-viewers-per-address 8", second.Message);
        Assert.Equal(499, second.Values["Unlogged"]);
    }

    private static ViewerLimit NewLimit(int maxViewers, int maxPerAddress) =>
        new(maxViewers, maxPerAddress, new ViewerRefusals(TimeProvider.System, NullLogger.Instance));
}
