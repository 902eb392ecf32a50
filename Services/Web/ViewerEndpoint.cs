using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;
using PiStream.Services.Http;

namespace PiStream.Services.Web;

/// <summary>
/// A WebSocket viewer of the live stream (<c>/stream</c>, and <c>/</c> on pistreaming's WebSocket port): the stream
/// header, then the broadcaster's messages until the viewer leaves or the server stops (viewers are closed with
/// a reason). A plain request gets 426 saying where the page is.
/// </summary>
internal sealed class ViewerEndpoint(Broadcaster broadcaster, ViewerHandshake handshake, ViewerOptions options, ViewerMetrics metrics, IHostApplicationLifetime lifetime, ILogger<ViewerEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            context.Response.Headers.Upgrade = "websocket";
            context.Response.Headers.Connection = "Upgrade";
            await HttpResponses.WriteTextAsync(context.Response, "This address takes WebSocket connections for the video stream; open the page at /index.html on the HTTP port.");
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        StreamingConnection.Prepare(context);
        var remote = $"{context.Connection.RemoteIpAddress}:{context.Connection.RemotePort}";
        using var viewer = new Viewer(socket, remote, options, logger);
        logger.LogInformation("Viewer {Remote} connected ({Count} watching)", remote, broadcaster.ViewerCount + 1);
        var kind = context.GetEndpoint()?.Metadata.GetMetadata<ListenerMetadata>()?.Listener == Listener.WebSocketPort ? "legacy" : "page";
        using var tracked = metrics.Track(kind, () => (viewer.BytesSent, viewer.FramesSkipped));
        try
        {
            await viewer.RunAsync(handshake.Header, broadcaster.Join, lifetime.ApplicationStopping);
        }
        finally
        {
            broadcaster.Leave(viewer);
            if (viewer.CloseReason?.StartsWith("viewer too slow", StringComparison.Ordinal) == true)
            {
                metrics.ClosedSlow(kind);
            }

            logger.LogInformation("Viewer {Remote} left: {Reason} ({Count} watching)", remote, viewer.CloseReason, broadcaster.ViewerCount);
        }
    }
}
