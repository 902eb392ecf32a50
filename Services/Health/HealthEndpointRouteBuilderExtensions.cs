using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PiStream.Services.Http;

namespace PiStream.Services.Health;

/// <summary>GET /healthz: 200 and "ok: ..." while frames flow, 503 and the reason when the capture or the live encoder is down.</summary>
internal static class HealthEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        var monitor = endpoints.ServiceProvider.GetRequiredService<StreamMonitor>();
        endpoints.MapMethods("/healthz", HttpResponses.Reads, context =>
        {
            var report = monitor.Evaluate();
            context.Response.StatusCode = report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.CacheControl = "no-store";
            return HttpResponses.WriteTextAsync(context.Response, report.Reason);
        });
        return endpoints;
    }
}
