using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PiStream.Services.Http;

namespace PiStream.Services.Security;

/// <summary>
/// Caps the viewers at <c>--max-viewers</c>: WebSocket viewers on both ports (this middleware) and MJPEG
/// clients (<see cref="TryEnter"/>) together; one more gets 503 with a message before it is served; the viewers
/// already watching are not touched.
/// </summary>
internal sealed class ViewerLimit(int maxViewers, ILogger<ViewerLimit> logger)
{
    private int _inUse;

    public int InUse => Volatile.Read(ref _inUse);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }

        if (!TryEnter())
        {
            await RefuseAsync(context);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            Exit();
        }
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

    /// <summary>Gives back a place taken by <see cref="TryEnter"/>.</summary>
    public void Exit() => Interlocked.Decrement(ref _inUse);

    /// <summary>The answer when all places are taken: 503, Retry-After, and the option that sets the limit.</summary>
    public Task RefuseAsync(HttpContext context)
    {
        logger.LogWarning("Refused a viewer from {Address}: {Max} viewers are watching (--max-viewers)", context.Connection.RemoteIpAddress, maxViewers);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "10";
        return HttpResponses.WriteTextAsync(context.Response, string.Create(CultureInfo.InvariantCulture, $"This camera already has {maxViewers} viewers, its limit (--max-viewers {maxViewers}). Try again later."));
    }
}
