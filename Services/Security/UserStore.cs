using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PiStream.Services.Security;

/// <summary>
/// The users allowed in, each with a <see cref="PasswordHash"/>. The slow hash is checked once per
/// user and password; after that a SHA-256 digest of the password that worked is remembered, so the
/// page's many requests do not each cost a PBKDF2 run (both checks compare in constant time). An unknown
/// user is checked against a decoy hash as slow as the slowest real one, so timing does not tell who exists.
/// </summary>
internal sealed class UserStore
{
    private readonly Dictionary<string, PasswordHash> _users;
    private readonly PasswordHash _decoy;
    private readonly ConcurrentDictionary<string, byte[]> _remembered = new(StringComparer.Ordinal);

    public UserStore(IReadOnlyDictionary<string, PasswordHash> users)
    {
        if (users.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(users), users.Count, "Give at least one user.");
        }

        _users = new Dictionary<string, PasswordHash>(users, StringComparer.Ordinal);
        _decoy = PasswordHash.Create("decoy", users.Values.Max(hash => hash.Iterations));
    }

    public IReadOnlyCollection<string> UserNames => _users.Keys;

    /// <summary>
    /// A user given as plain <c>USER:PASSWORD</c> on the command line. The password is in memory anyway,
    /// so it is kept as a one-iteration PBKDF2 (a keyed SHA-256): fast, salted, compared in constant time.
    /// </summary>
    public static PasswordHash PlainPassword(string password) => PasswordHash.Create(password, 1);

    public bool Verify(string user, string password)
    {
        var digest = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(password));
        if (_remembered.TryGetValue(user, out var known) && CryptographicOperations.FixedTimeEquals(known, digest))
        {
            return true;
        }

        if (!_users.TryGetValue(user, out var hash))
        {
            _decoy.Verify(password);
            return false;
        }

        if (!hash.Verify(password))
        {
            return false;
        }

        _remembered[user] = digest;
        return true;
    }
}
