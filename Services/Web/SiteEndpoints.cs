using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PiStream.Services.Http;

namespace PiStream.Services.Web;

/// <summary>
/// What is left once every feature mapped its routes: <c>/</c> redirects to the page; any other path is a 404
/// (GET, HEAD) or a 405 with <c>Allow: GET, HEAD</c> (any other method, on any path), on both ports.
/// </summary>
internal static class SiteEndpoints
{
    public static IEndpointRouteBuilder MapSite(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/", HttpResponses.Reads, context =>
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = "/index.html";
            return Task.CompletedTask;
        });
        endpoints.MapFallback("{**path}", context => NotFoundAsync(context, $"Not found: {context.Request.Path.Value}. The camera page is at /index.html."));
        endpoints.MapFallback("{**path}", context => NotFoundAsync(context, "This address takes WebSocket connections for the video stream; open the page at /index.html on the HTTP port.")).OnWebSocketPort();
        return endpoints;
    }

    private static Task NotFoundAsync(HttpContext context, string text)
    {
        if (!HttpResponses.IsRead(context.Request))
        {
            return HttpResponses.MethodNotAllowedAsync(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return HttpResponses.WriteTextAsync(context.Response, text);
    }
}
