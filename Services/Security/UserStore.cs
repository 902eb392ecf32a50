namespace PiStream.Services.Security;

/// <summary>
/// The users allowed in, each with a <see cref="PasswordHash"/>. A wrong password costs the same work for
/// every name, known or not: an unknown name is checked against a decoy as slow as the slowest real hash,
/// and a wrong password for a user with a cheaper hash is padded with decoy work up to that cost, so
/// timing does not tell which users exist. (Right passwords are remembered by <see cref="VerifiedLogins"/>.)
/// </summary>
internal sealed class UserStore
{
    private readonly Dictionary<string, PasswordHash> _users;
    private readonly PasswordHash _decoy;
    private readonly Dictionary<int, PasswordHash> _padding = [];

    public UserStore(IReadOnlyDictionary<string, PasswordHash> users)
    {
        if (users.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(users), users.Count, "Give at least one user.");
        }

        _users = new Dictionary<string, PasswordHash>(users, StringComparer.Ordinal);
        var slowest = users.Values.Max(hash => hash.Iterations);
        _decoy = PasswordHash.Create("decoy", slowest);
        foreach (var iterations in users.Values.Select(hash => hash.Iterations).Where(iterations => iterations < slowest).Distinct())
        {
            _padding[iterations] = PasswordHash.Create("decoy", slowest - iterations);
        }
    }

    /// <summary>The work (PBKDF2 iterations) every wrong password costs.</summary>
    public int IterationsPerCheck => _decoy.Iterations;

    /// <summary>
    /// A user given as plain <c>USER:PASSWORD</c> on the command line. The password is in memory anyway,
    /// so it is kept as a one-iteration PBKDF2 (a keyed SHA-256): fast, salted, compared in constant time.
    /// </summary>
    public static PasswordHash PlainPassword(string password) => PasswordHash.Create(password, 1);

    public bool Verify(string user, string password)
    {
        if (!_users.TryGetValue(user, out var hash))
        {
            _decoy.Verify(password);
            return false;
        }

        if (hash.Verify(password))
        {
            return true;
        }

        if (_padding.TryGetValue(hash.Iterations, out var padding))
        {
            padding.Verify(password);
        }

        return false;
    }
}
