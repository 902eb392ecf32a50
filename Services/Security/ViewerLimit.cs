using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PiStream.Services.Http;

namespace PiStream.Services.Security;

/// <summary>
/// Caps the WebSocket viewers at <c>--max-viewers</c> across both ports, and at
/// <c>--max-viewers-per-address</c> from one address (an IPv6 client by its /64), so a few clients that keep
/// reconnecting cannot hold every place. Viewers from this machine itself (a reverse proxy, whose viewers
/// all share its address) are only counted toward the total. MJPEG clients take places of the total through
/// <see cref="TryEnter()"/>. One more gets 503 with a message before it is served; the viewers already
/// watching are not touched.
/// </summary>
internal sealed class ViewerLimit(int maxViewers, int maxPerAddress, ILogger<ViewerLimit> logger)
{
    private readonly ConcurrentDictionary<IPAddress, int> _perAddress = new();
    private int _inUse;

    public int InUse => Volatile.Read(ref _inUse);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }

        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (!TryEnter(address, out var refusal))
        {
            logger.LogWarning("Refused a viewer from {Address}: {Reason}", address, refusal);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "10";
            await HttpResponses.WriteTextAsync(context.Response, refusal);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            Exit(address);
        }
    }

    /// <summary>Takes a place for a WebSocket viewer from <paramref name="address"/>; false (with the message for the client) when there is none.</summary>
    public bool TryEnter(IPAddress address, out string refusal)
    {
        refusal = "";
        if (Interlocked.Increment(ref _inUse) > maxViewers)
        {
            Interlocked.Decrement(ref _inUse);
            refusal = string.Create(CultureInfo.InvariantCulture, $"This camera already has {maxViewers} viewers, its limit (--max-viewers {maxViewers}). Try again later.");
            return false;
        }

        if (Key(address) is not { } key)
        {
            return true;
        }

        if (_perAddress.AddOrUpdate(key, 1, (_, count) => count + 1) > maxPerAddress)
        {
            Release(key);
            Interlocked.Decrement(ref _inUse);
            refusal = string.Create(CultureInfo.InvariantCulture, $"{address} already has {maxPerAddress} viewers open, the limit per address (--max-viewers-per-address {maxPerAddress}). Close one, or try again later.");
            return false;
        }

        return true;
    }

    /// <summary>Takes a viewer place for a viewer that is not a WebSocket (an MJPEG client); false when all are taken.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _inUse) > maxViewers)
        {
            Interlocked.Decrement(ref _inUse);
            return false;
        }

        return true;
    }

    /// <summary>Gives back a place taken by <see cref="TryEnter()"/>.</summary>
    public void Exit() => Interlocked.Decrement(ref _inUse);

    /// <summary>The answer when all places are taken: 503, Retry-After, and the option that sets the limit.</summary>
    public Task RefuseAsync(HttpContext context)
    {
        logger.LogWarning("Refused a viewer from {Address}: {Max} viewers are watching (--max-viewers)", context.Connection.RemoteIpAddress, maxViewers);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "10";
        return HttpResponses.WriteTextAsync(context.Response, string.Create(CultureInfo.InvariantCulture, $"This camera already has {maxViewers} viewers, its limit (--max-viewers {maxViewers}). Try again later."));
    }

    /// <summary>Gives back the place <see cref="TryEnter(IPAddress, out string)"/> took.</summary>
    public void Exit(IPAddress address)
    {
        if (Key(address) is { } key)
        {
            Release(key);
        }

        Interlocked.Decrement(ref _inUse);
    }

    /// <summary>The address a viewer counts under; null for this machine itself.</summary>
    private static IPAddress? Key(IPAddress address)
    {
        var key = FailedLoginLimiter.Normalize(address);
        return IPAddress.IsLoopback(key) ? null : key;
    }

    private void Release(IPAddress key)
    {
        var left = _perAddress.AddOrUpdate(key, 0, (_, count) => count - 1);
        if (left <= 0)
        {
            _perAddress.TryRemove(new KeyValuePair<IPAddress, int>(key, left));
        }
    }
}
