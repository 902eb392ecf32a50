using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;
using PiStream.Services.Http;
using PiStream.Services.Web;

namespace PiStream.Services.Pistreaming;

/// <summary><c>/</c> on pistreaming's WebSocket-only port (<c>--ws-port</c>): the <c>jsmp</c> header, then the feed's MPEG-1 elementary stream.</summary>
internal static class PistreamingEndpoints
{
    public static IEndpointRouteBuilder MapPistreaming(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var viewers = new ViewerEndpoint(
            services.GetRequiredService<PistreamingFeed>().Broadcaster,
            new ViewerHandshake(StreamHeader.Mpeg1For(services.GetRequiredService<ViewerHandshake>().Header.Span)), // jsmp even when /stream is H.264
            services.GetRequiredService<ViewerOptions>(),
            services.GetRequiredService<ViewerMetrics>(),
            services.GetRequiredService<IHostApplicationLifetime>(),
            services.GetRequiredService<ILogger<ViewerEndpoint>>());
        endpoints.MapMethods("/", HttpResponses.Reads, viewers.HandleAsync).OnWebSocketPort();
        return endpoints;
    }
}
