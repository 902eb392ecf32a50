using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace PiStream.Services.Metrics;

/// <summary>
/// Exports meter "PiStream" (every feature's instruments, made through <see cref="System.Diagnostics.Metrics.IMeterFactory"/>)
/// and .NET's own "System.Runtime" meter (GC, memory, CPU time, thread pool) in the Prometheus text format, through
/// OpenTelemetry's Prometheus exporter (docs/metrics.md). Instrument names and units become Prometheus names:
/// <c>pistream.viewer.sent</c> in bytes is <c>pistream_viewer_sent_bytes_total</c>.
/// </summary>
internal static class MetricsServiceCollectionExtensions
{
    public const string MeterName = "PiStream";

    /// <summary>Label sets kept per metric stream (OpenTelemetry preallocates its default 2000 per stream: 6 MB here).</summary>
    private const int CardinalityLimit = 100;

    public static IServiceCollection AddPrometheusMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(MeterName, "System.Runtime")
            .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = CardinalityLimit })
            .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }
}
