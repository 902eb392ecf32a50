using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace PiStream.Services.Metrics;

/// <summary>GET /metrics: the Prometheus text format (behind the login like every route when --auth is on).</summary>
internal static class MetricsEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
        return endpoints;
    }
}
