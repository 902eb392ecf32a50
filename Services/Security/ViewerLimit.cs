using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using PiStream.Services.Http;

namespace PiStream.Services.Security;

/// <summary>
/// Caps the viewers (WebSocket viewers on both ports and MJPEG clients) at <c>--max-viewers</c> in all, and at
/// <c>--max-viewers-per-address</c> from one address (an IPv6 client by its /64), so a few clients that keep
/// reconnecting cannot hold every place. Viewers from this machine itself (a reverse proxy, whose viewers all share
/// its address) are only counted toward the total. One more is refused before it is served, with a message naming the
/// option: 503 with <c>Retry-After</c>, or, for a browser's WebSocket (it has an <c>Origin</c>; a browser shows its
/// page neither the status nor the text of a refused handshake), close code 1013 "try again later" with the message as
/// the reason. The viewers already watching are not touched.
/// </summary>
internal sealed class ViewerLimit(int maxViewers, int maxPerAddress, ViewerRefusals refusals)
{
    /// <summary>WebSocket close code 1013, "Try Again Later" (IANA WebSocket registry): the server is at capacity.</summary>
    public const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;

    private readonly ConcurrentDictionary<IPAddress, int> _perAddress = new();
    private int _inUse;

    public int InUse => Volatile.Read(ref _inUse);

    /// <summary>The middleware: every WebSocket upgrade (both ports) takes a place for as long as its request runs.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }

        using var place = await EnterAsync(context);
        if (place is not null)
        {
            await next(context);
        }
    }

    /// <summary>Takes a place for the request's client until the result is disposed; null when there is none (the refusal has been answered).</summary>
    public async Task<IDisposable?> EnterAsync(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (TryEnter(address, out var refusal))
        {
            return new Place(this, address);
        }

        refusals.Refused(address, refusal);
        await RefuseAsync(context, refusal);
        return null;
    }

    /// <summary>Takes a place for a viewer from <paramref name="address"/>; false (with the reason) when there is none.</summary>
    public bool TryEnter(IPAddress address, [NotNullWhen(false)] out ViewerRefusal? refusal)
    {
        refusal = null;
        if (Interlocked.Increment(ref _inUse) > maxViewers)
        {
            Interlocked.Decrement(ref _inUse);
            refusal = ViewerRefusal.Total(maxViewers);
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
            refusal = ViewerRefusal.PerAddress(maxPerAddress);
            return false;
        }

        return true;
    }

    /// <summary>Gives back the place <see cref="TryEnter"/> took.</summary>
    public void Exit(IPAddress address)
    {
        if (Key(address) is { } key)
        {
            Release(key);
        }

        Interlocked.Decrement(ref _inUse);
    }

    private static async Task RefuseAsync(HttpContext context, ViewerRefusal refusal)
    {
        if (context.WebSockets.IsWebSocketRequest && context.Request.Headers.Origin.Count > 0)
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseAsync(TryAgainLater, refusal.Message, timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
            {
                socket.Abort();
            }

            return;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "10";
        await HttpResponses.WriteTextAsync(context.Response, refusal.Message);
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

    private sealed class Place(ViewerLimit limit, IPAddress address) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                limit.Exit(address);
            }
        }
    }
}
