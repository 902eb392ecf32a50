using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PiStream.Services.Http;

namespace PiStream.Services.Jpeg;

/// <summary>Maps /snapshot.jpg and /stream.mjpg (GET and HEAD) on the HTTP port.</summary>
internal static class JpegEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapJpeg(this IEndpointRouteBuilder endpoints)
    {
        var jpeg = endpoints.ServiceProvider.GetRequiredService<JpegEndpoints>();
        endpoints.MapMethods("/snapshot.jpg", HttpResponses.Reads, jpeg.SnapshotAsync);
        endpoints.MapMethods("/stream.mjpg", HttpResponses.Reads, jpeg.StreamAsync);
        return endpoints;
    }
}
