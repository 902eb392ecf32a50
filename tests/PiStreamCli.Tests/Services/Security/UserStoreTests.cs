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
        var unknown = Fastest(() => _users.Verify("nobody", "guess"));
        var quick = Fastest(() => _users.Verify("quick", "guess"));
        var middle = Fastest(() => _users.Verify("middle", "guess"));
        var slow = Fastest(() => _users.Verify("slow", "guess"));

        // The same work (PBKDF2 iterations) each time; generous bounds for a busy machine.
        foreach (var known in new[] { quick, middle, slow })
        {
            Assert.InRange(known / unknown, 0.6, 1.6);
        }
    }

    /// <summary>The fastest of three runs, in milliseconds: the least disturbed by other work on the machine.</summary>
    private static double Fastest(Action check) => Enumerable.Range(0, 3).Min(_ =>
    {
        var start = Stopwatch.GetTimestamp();
        check();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    });
}
