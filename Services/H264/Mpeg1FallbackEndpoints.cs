using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;
using PiStream.Services.Http;
using PiStream.Services.Web;

namespace PiStream.Services.H264;

/// <summary>
/// <c>/stream/mpeg1</c> on the HTTP port, for a page whose browser decodes no H.264: the <c>jsmp</c> header, then MPEG-1
/// in MPEG-TS, one message per picture (docs/stream.md). With H.264 live it is the <see cref="Mpeg1Fallback"/>; with
/// MPEG-1 live it is <c>/stream</c> itself. Login, host and origin checks and the viewer cap apply as to <c>/stream</c>.
/// </summary>
internal static class Mpeg1FallbackEndpoints
{
    public const string Path = "/stream/mpeg1";

    public static IEndpointRouteBuilder MapMpeg1Fallback(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        RequestDelegate handler = services.GetService<Mpeg1Fallback>() is { } fallback
            ? new ViewerEndpoint(
                fallback.Broadcaster,
                new ViewerHandshake(StreamHeader.Mpeg1For(services.GetRequiredService<ViewerHandshake>().Header.Span)),
                services.GetRequiredService<ViewerOptions>(),
                services.GetRequiredService<ViewerMetrics>(),
                services.GetRequiredService<IHostApplicationLifetime>(),
                services.GetRequiredService<ILogger<ViewerEndpoint>>()).HandleAsync
            : services.GetRequiredService<ViewerEndpoint>().HandleAsync;
        endpoints.MapMethods(Path, HttpResponses.Reads, handler);
        return endpoints;
    }
}
