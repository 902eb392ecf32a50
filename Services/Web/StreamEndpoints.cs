using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PiStream.Services.Http;

namespace PiStream.Services.Web;

/// <summary>The live stream's WebSocket, <c>/stream</c> on the HTTP port (the WebSocket-only port for pistreaming's own clients lives in <c>Pistreaming</c>).</summary>
internal static class StreamEndpoints
{
    public static IEndpointRouteBuilder MapViewerStream(this IEndpointRouteBuilder endpoints)
    {
        var viewers = endpoints.ServiceProvider.GetRequiredService<ViewerEndpoint>();
        endpoints.MapMethods("/stream", HttpResponses.Reads, viewers.HandleAsync);
        return endpoints;
    }
}
