using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Security;

/// <summary>Recently verified logins: remembered by header for a few minutes, never too many.</summary>
public sealed class VerifiedLoginsTests
{
    [Fact]
    public void A_verified_header_is_remembered_until_it_expires()
    {
        var clock = new ManualClock();
        var logins = new VerifiedLogins(clock);
        logins.Add("Basic YWxpY2U6c2VjcmV0");

        Assert.True(logins.Contains("Basic YWxpY2U6c2VjcmV0"));
        Assert.False(logins.Contains("Basic YWxpY2U6c2VjcmV1"));
        Assert.False(logins.Contains(""));

        clock.Advance(VerifiedLogins.Lifetime);
        Assert.False(logins.Contains("Basic YWxpY2U6c2VjcmV0"));
    }

    [Fact]
    public void Memory_stays_bounded_and_the_newest_stays()
    {
        var clock = new ManualClock();
        var logins = new VerifiedLogins(clock);
        for (var i = 0; i < 10_000; i++)
        {
            logins.Add($"Basic header-{i}");
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.InRange(logins.Count, 1, VerifiedLogins.MaxEntries);
        Assert.True(logins.Contains("Basic header-9999"));
        Assert.False(logins.Contains("Basic header-0"));
    }
}
