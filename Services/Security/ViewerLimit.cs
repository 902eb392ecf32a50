using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PiStream.Services.Http;

namespace PiStream.Services.Security;

/// <summary>
/// Caps the WebSocket viewers at <c>--max-viewers</c> across both ports: one more gets 503 with a
/// message before its upgrade; the viewers already watching are not touched.
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

        if (Interlocked.Increment(ref _inUse) > maxViewers)
        {
            Interlocked.Decrement(ref _inUse);
            logger.LogWarning("Refused a viewer from {Address}: {Max} viewers are watching (--max-viewers)", context.Connection.RemoteIpAddress, maxViewers);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "10";
            await HttpResponses.WriteTextAsync(context.Response, string.Create(CultureInfo.InvariantCulture, $"This camera already has {maxViewers} viewers, its limit (--max-viewers {maxViewers}). Try again later."));
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inUse);
        }
    }
}
