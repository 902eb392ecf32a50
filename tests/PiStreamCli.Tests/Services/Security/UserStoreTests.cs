using System.Diagnostics;
using PiStream.Services.Security;

namespace PiStream.Tests.Services.Security;

/// <summary>Users and their hashes: right passwords pass, and a wrong one costs the same for every name.</summary>
public sealed class UserStoreTests
{
    private readonly UserStore _users = new(new Dictionary<string, PasswordHash>
    {
        ["quick"] = UserStore.PlainPassword("quick-secret"),
        ["middle"] = PasswordHash.Create("middle-secret", PasswordHash.MinIterations),
        ["slow"] = PasswordHash.Create("slow-secret", PasswordHash.MinIterations * 2),
    });

    [Fact]
    public void Each_user_gets_in_with_their_own_password_only()
    {
        Assert.True(_users.Verify("quick", "quick-secret"));
        Assert.True(_users.Verify("middle", "middle-secret"));
        Assert.True(_users.Verify("slow", "slow-secret"));
        Assert.False(_users.Verify("quick", "middle-secret"));
        Assert.False(_users.Verify("nobody", "quick-secret"));
        Assert.Equal(PasswordHash.MinIterations * 2, _users.IterationsPerCheck);
    }

    [Fact]
    public void A_wrong_password_takes_as_long_for_a_user_with_a_cheap_hash_as_for_a_name_that_does_not_exist()
    {
        string[] names = ["nobody", "quick", "middle", "slow"];
        var fastest = names.ToDictionary(name => name, _ => double.MaxValue);
        for (var round = 0; round < 4; round++)
        {
            foreach (var name in names)
            {
                fastest[name] = Math.Min(fastest[name], Time(() => _users.Verify(name, "guess")));
            }
        }

        // The same work (PBKDF2 iterations) each time; generous bounds for a busy machine (a cheap hash alone was 10,000 times faster).
        foreach (var name in names[1..])
        {
            Assert.InRange(fastest[name] / fastest["nobody"], 0.4, 2.5);
        }
    }

    /// <summary>How long one check takes, in milliseconds (the fastest of several runs is the least disturbed by other work).</summary>
    private static double Time(Action check)
    {
        var start = Stopwatch.GetTimestamp();
        check();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
