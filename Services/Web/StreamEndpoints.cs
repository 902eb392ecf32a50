using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PiStream.Services.Http;

namespace PiStream.Services.Web;

/// <summary>The live stream's WebSocket, <c>/stream</c> on the HTTP port (the seed's WebSocket-only port is <c>Pistreaming</c>'s).</summary>
internal static class StreamEndpoints
{
    public static IEndpointRouteBuilder MapViewerStream(this IEndpointRouteBuilder endpoints)
    {
        var viewers = endpoints.ServiceProvider.GetRequiredService<ViewerEndpoint>();
        endpoints.MapMethods("/stream", HttpResponses.Reads, viewers.HandleAsync);
        return endpoints;
    }
}
