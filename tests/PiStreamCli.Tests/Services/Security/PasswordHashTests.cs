using PiStream.Services.Security;

namespace PiStream.Tests.Services.Security;

/// <summary>The self-describing PBKDF2 hash: its text form, verification, and what it refuses to read.</summary>
public sealed class PasswordHashTests
{
    [Fact]
    public void A_hash_reads_back_and_verifies_only_its_own_password()
    {
        var text = PasswordHash.Create("correct horse", PasswordHash.MinIterations).ToString();

        var parts = text.Split('$');
        Assert.Equal(["pbkdf2-sha256", "100000"], parts[..2]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        Assert.True(PasswordHash.TryParse(text, out var hash, out _));
        Assert.True(hash!.Verify("correct horse"));
        Assert.False(hash.Verify("correct horse "));
        Assert.False(hash.Verify(""));
    }

    [Fact]
    public void The_same_password_gets_a_different_salt_each_time()
    {
        Assert.NotEqual(PasswordHash.Create("x", 1).ToString(), PasswordHash.Create("x", 1).ToString());
    }

    [Fact]
    public void The_default_is_a_slow_hash()
    {
        Assert.True(PasswordHash.DefaultIterations >= 100_000);
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("bcrypt$100000$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$1000$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$+100000$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$100000$not base64$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$100000$c2FsdHNhbHQ=$AAAA")]
    [InlineData("pbkdf2-sha256$100000$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=$extra")]
    public void Anything_else_is_refused_with_a_reason(string text)
    {
        Assert.False(PasswordHash.TryParse(text, out var hash, out var error));
        Assert.Null(hash);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void A_user_store_checks_user_and_password_and_remembers_what_worked()
    {
        var store = new UserStore(new Dictionary<string, PasswordHash>
        {
            ["alice"] = PasswordHash.Create("wonderland", PasswordHash.MinIterations),
            ["bob"] = UserStore.PlainPassword("builder"),
        });

        Assert.True(store.Verify("alice", "wonderland"));
        Assert.True(store.Verify("alice", "wonderland"));
        Assert.False(store.Verify("alice", "builder"));
        Assert.True(store.Verify("bob", "builder"));
        Assert.False(store.Verify("bob", "wonderland"));
        Assert.False(store.Verify("carol", "wonderland"));
        Assert.False(store.Verify("Alice", "wonderland"));
    }
}
