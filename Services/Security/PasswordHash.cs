using System.Globalization;
using System.Security.Cryptography;

namespace PiStream.Services.Security;

/// <summary>
/// A salted PBKDF2-HMAC-SHA256 password hash in a self-describing text form,
/// <c>pbkdf2-sha256$ITERATIONS$SALT_BASE64$HASH_BASE64</c> (docs/security.md). Verification compares
/// in constant time.
/// </summary>
internal sealed class PasswordHash
{
    public const string Scheme = "pbkdf2-sha256";
    public const int DefaultIterations = 310_000;
    public const int MinIterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly byte[] _salt;
    private readonly byte[] _hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash)
    {
        Iterations = iterations;
        _salt = salt;
        _hash = hash;
    }

    public int Iterations { get; }

    /// <summary>Hashes <paramref name="password"/> with a fresh random salt.</summary>
    public static PasswordHash Create(string password, int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new PasswordHash(iterations, salt, Derive(password, salt, iterations));
    }

    /// <summary>Reads the text form; false (with the reason) when it is not one this version makes.</summary>
    public static bool TryParse(string text, out PasswordHash? hash, out string error)
    {
        hash = null;
        var parts = text.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme)
        {
            error = $"not a '{Scheme}$ITERATIONS$SALT$HASH' hash (make one with: pistream hash-password)";
            return false;
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < MinIterations)
        {
            error = $"the iteration count '{parts[1]}' must be a whole number of at least {MinIterations}";
            return false;
        }

        var salt = new byte[64];
        var digest = new byte[HashBytes];
        if (!Convert.TryFromBase64String(parts[2], salt, out var saltLength) || saltLength < 8
            || !Convert.TryFromBase64String(parts[3], digest, out var hashLength) || hashLength != HashBytes)
        {
            error = "the salt or the hash is not valid base64 of the right length";
            return false;
        }

        hash = new PasswordHash(iterations, salt[..saltLength], digest);
        error = "";
        return true;
    }

    /// <summary>True when <paramref name="password"/> is the one hashed; the comparison takes the same time either way.</summary>
    public bool Verify(string password) =>
        CryptographicOperations.FixedTimeEquals(Derive(password, _salt, Iterations), _hash);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Scheme}${Iterations}${Convert.ToBase64String(_salt)}${Convert.ToBase64String(_hash)}");

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(System.Text.Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
