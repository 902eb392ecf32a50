using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PiStream.Services.Security;

/// <summary>
/// <c>Authorization</c> headers whose password passed the slow check recently, so a logged-in browser's
/// requests skip the password check (and the queue in front of it) that a flood of wrong logins fills.
/// Kept as an HMAC of the header under a key made at start (never the password), at most
/// <see cref="MaxEntries"/> of them, each for <see cref="Lifetime"/>.
/// </summary>
internal sealed class VerifiedLogins(TimeProvider clock)
{
    public const int MaxEntries = 256;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    /// <summary>True when <paramref name="header"/> was verified less than <see cref="Lifetime"/> ago.</summary>
    public bool Contains(string header)
    {
        if (header.Length == 0 || _entries.IsEmpty)
        {
            return false;
        }

        var key = Key(header);
        if (!_entries.TryGetValue(key, out var expires))
        {
            return false;
        }

        if (expires > clock.GetUtcNow())
        {
            return true;
        }

        _entries.TryRemove(key, out _);
        return false;
    }

    /// <summary>Remembers <paramref name="header"/> as verified; the oldest go first when there are too many.</summary>
    public void Add(string header)
    {
        var now = clock.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            foreach (var (key, expires) in _entries.OrderBy(entry => entry.Value).Take(_entries.Count - MaxEntries + 1 + (MaxEntries / 4)))
            {
                _entries.TryRemove(key, out _);
            }
        }

        _entries[Key(header)] = now + Lifetime;
    }

    private string Key(string header) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, System.Text.Encoding.UTF8.GetBytes(header)));
}
