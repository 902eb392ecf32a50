using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PiStream.Services.Broadcast;
using PiStream.Services.Capture;
using PiStream.Services.Pipeline;

namespace PiStream.Services.Health;

/// <summary>Registers the <see cref="StreamMonitor"/> (a hosted service) behind /healthz and the stream's metrics.</summary>
internal static class HealthServiceCollectionExtensions
{
    public static IServiceCollection AddHealth(this IServiceCollection services, VideoFormat format)
    {
        services.AddMetrics();
        services.AddSingleton(provider => new StreamMonitor(
            provider.GetRequiredService<RawFrameHub>(),
            provider.GetRequiredService<StreamPipeline>(),
            provider.GetRequiredService<StreamStats>(),
            format.FrameInterval,
            provider.GetRequiredService<IMeterFactory>()));
        services.AddHostedService(provider => provider.GetRequiredService<StreamMonitor>());
        return services;
    }
}
