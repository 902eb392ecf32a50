using System.Collections.Concurrent;
using System.Net;

namespace PiStream.Services.Security;

/// <summary>
/// Counts failed logins per client address in a fixed window: after <see cref="MaxFailures"/> in
/// <see cref="Window"/>, the address is refused (429) until the window ends. Memory is bounded:
/// at most <see cref="MaxAddresses"/> addresses are tracked, expired ones are evicted first.
/// Only requests with credentials touch it; the video path never does.
/// </summary>
internal sealed class FailedLoginLimiter(TimeProvider clock, int maxFailures = 10, TimeSpan? window = null, int maxAddresses = 4096)
{
    private readonly ConcurrentDictionary<IPAddress, Entry> _entries = new();

    public int MaxFailures => maxFailures;

    public TimeSpan Window { get; } = window ?? TimeSpan.FromMinutes(1);

    public int MaxAddresses => maxAddresses;

    public int TrackedAddresses => _entries.Count;

    /// <summary>True while <paramref name="address"/> has used up its failures; <paramref name="retryAfter"/> says for how long.</summary>
    public bool IsBlocked(IPAddress address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_entries.TryGetValue(Normalize(address), out var entry))
        {
            return false;
        }

        lock (entry)
        {
            var left = entry.Start + Window - clock.GetUtcNow();
            if (left <= TimeSpan.Zero || entry.Failures < maxFailures)
            {
                return false;
            }

            retryAfter = left;
            return true;
        }
    }

    /// <summary>Counts one failure; true when this one used up the address's allowance.</summary>
    public bool RecordFailure(IPAddress address)
    {
        var key = Normalize(address);
        var now = clock.GetUtcNow();
        if (!_entries.ContainsKey(key) && _entries.Count >= maxAddresses)
        {
            Evict(now);
            if (_entries.Count >= maxAddresses)
            {
                return false;
            }
        }

        var entry = _entries.GetOrAdd(key, _ => new Entry { Start = now });
        lock (entry)
        {
            if (now - entry.Start >= Window)
            {
                entry.Start = now;
                entry.Failures = 0;
            }

            entry.Failures++;
            return entry.Failures == maxFailures;
        }
    }

    private void Evict(DateTimeOffset now)
    {
        foreach (var (address, entry) in _entries)
        {
            if (now - entry.Start >= Window)
            {
                _entries.TryRemove(address, out _);
            }
        }

        foreach (var (address, entry) in _entries)
        {
            if (_entries.Count < maxAddresses)
            {
                return;
            }

            if (entry.Failures < maxFailures)
            {
                _entries.TryRemove(address, out _);
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

    private sealed class Entry
    {
        public DateTimeOffset Start { get; set; }

        public int Failures { get; set; }
    }
}
