using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace PiStream.Services.Web;

/// <summary>Counts every byte a WebSocket client sends, control frames included (docs/security.md).</summary>
internal static class ReceiveLimitExtensions
{
    /// <summary>Room for the frame headers of what a viewer may send as messages (the viewer closes it with 1008 past that first).</summary>
    public const long FramingAllowance = 64 * 1024;

    /// <summary>
    /// Before <c>UseWebSockets</c>: an upgraded connection whose client sends more than
    /// <paramref name="maxReceivedBytes"/> plus <see cref="FramingAllowance"/> in all (pings included) is cut.
    /// </summary>
    public static IApplicationBuilder UseReceiveLimit(this IApplicationBuilder app, long maxReceivedBytes, ILogger logger) =>
        app.Use((context, next) =>
        {
            if (context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade)
            {
                var remote = $"{context.Connection.RemoteIpAddress}:{context.Connection.RemotePort}";
                var limit = maxReceivedBytes + FramingAllowance;
                context.Features.Set<IHttpUpgradeFeature>(new ReceiveLimitUpgradeFeature(upgrade, limit, () =>
                    logger.LogWarning("Closing the connection of {Remote}: it sent more than {Limit} bytes, pings and other control frames included (viewers only watch)", remote, limit)));
            }

            return next(context);
        });
}
