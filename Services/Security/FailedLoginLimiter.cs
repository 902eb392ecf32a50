using System.Collections.Concurrent;
using System.Net;

namespace PiStream.Services.Security;

/// <summary>
/// Limits login attempts per client address in a fixed window: an attempt counts when it starts (a
/// success is refunded), so at most <see cref="MaxFailures"/> wrong passwords per <see cref="Window"/> are
/// ever checked, however many arrive at once; at most <see cref="MaxInFlight"/> are checked at the same
/// time per address. An IPv6 client counts as its /64 network. Memory is bounded: at most
/// <see cref="MaxAddresses"/> addresses are tracked (expired ones are evicted first, blocked ones kept);
/// when the table is full of blocked addresses, every new address shares one more allowance of the same
/// size, so a full table slows guessing down instead of no longer counting it.
/// Only requests with credentials touch it; the video path never does.
/// </summary>
internal sealed class FailedLoginLimiter(TimeProvider clock, int maxFailures = 10, TimeSpan? window = null, int maxAddresses = 4096, int maxInFlight = 2)
{
    private readonly ConcurrentDictionary<IPAddress, LoginCount> _entries = new();
    private readonly LoginCount _overflow = new();
    private readonly Lock _admission = new();

    public int MaxFailures => maxFailures;

    public TimeSpan Window { get; } = window ?? TimeSpan.FromMinutes(1);

    public int MaxAddresses => maxAddresses;

    public int MaxInFlight => maxInFlight;

    public int TrackedAddresses => _entries.Count;

    /// <summary>True while <paramref name="address"/> has used up its attempts; <paramref name="retryAfter"/> says for how long.</summary>
    public bool IsBlocked(IPAddress address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        var count = _entries.TryGetValue(Normalize(address), out var entry) ? entry : IsFull ? _overflow : null;
        if (count is null)
        {
            return false;
        }

        lock (count)
        {
            var left = count.Start + Window - clock.GetUtcNow();
            if (left <= TimeSpan.Zero || count.Failures < maxFailures)
            {
                return false;
            }

            retryAfter = left;
            return true;
        }
    }

    /// <summary>
    /// Counts the start of a password check from <paramref name="address"/>. Null when it may not start:
    /// the address used up its attempts (<paramref name="busy"/> false, <paramref name="retryAfter"/> until
    /// the window ends) or already has <see cref="MaxInFlight"/> checks running (<paramref name="busy"/> true).
    /// Otherwise end it with <see cref="Succeeded"/> or <see cref="Failed"/>.
    /// </summary>
    public LoginCount? TryBegin(IPAddress address, out TimeSpan retryAfter, out bool busy)
    {
        var now = clock.GetUtcNow();
        var count = CountFor(Normalize(address), now);
        lock (count)
        {
            busy = false;
            retryAfter = TimeSpan.Zero;
            if (now - count.Start >= Window)
            {
                count.Start = now;
                count.Failures = 0;
            }

            if (count.Failures >= maxFailures)
            {
                retryAfter = count.Start + Window - now;
                return null;
            }

            if (count.InFlight >= maxInFlight)
            {
                busy = true;
                retryAfter = TimeSpan.FromSeconds(1);
                return null;
            }

            count.Failures++;
            count.InFlight++;
            return count;
        }
    }

    /// <summary>The check passed: the attempt is refunded.</summary>
    public static void Succeeded(LoginCount count) => End(count, refund: true);

    /// <summary>The check was not made after all (the server was too busy): refunded like a success.</summary>
    public static void Abandoned(LoginCount count) => End(count, refund: true);

    /// <summary>The check failed (it was counted when it started); true when the address has now used up its attempts.</summary>
    public bool Failed(LoginCount count)
    {
        End(count, refund: false);
        lock (count)
        {
            return count.Failures >= maxFailures && count.InFlight == 0 && clock.GetUtcNow() - count.Start < Window;
        }
    }

    private static void End(LoginCount count, bool refund)
    {
        lock (count)
        {
            count.InFlight = Math.Max(0, count.InFlight - 1);
            if (refund)
            {
                count.Failures = Math.Max(0, count.Failures - 1);
            }
        }
    }

    private bool IsFull => _entries.Count >= maxAddresses;

    private LoginCount CountFor(IPAddress key, DateTimeOffset now)
    {
        if (_entries.TryGetValue(key, out var existing))
        {
            return existing;
        }

        lock (_admission)
        {
            if (_entries.TryGetValue(key, out existing))
            {
                return existing;
            }

            if (IsFull)
            {
                Evict(now);
                if (IsFull)
                {
                    return _overflow;
                }
            }

            var count = new LoginCount { Start = now };
            _entries[key] = count;
            return count;
        }
    }

    private void Evict(DateTimeOffset now)
    {
        foreach (var (address, count) in _entries)
        {
            lock (count)
            {
                if (count.InFlight == 0 && now - count.Start >= Window)
                {
                    _entries.TryRemove(address, out _);
                }
            }
        }

        foreach (var (address, count) in _entries)
        {
            if (!IsFull)
            {
                return;
            }

            lock (count)
            {
                if (count.InFlight == 0 && count.Failures < maxFailures)
                {
                    _entries.TryRemove(address, out _);
                }
            }
        }
    }

    /// <summary>IPv4 as itself; IPv6 by its /64 network, since one client can use a whole /64 of addresses.</summary>
    internal static IPAddress Normalize(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes);
    }
}
