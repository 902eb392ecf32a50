using Microsoft.Extensions.DependencyInjection;

namespace PiStream.Services.Broadcast;

/// <summary>Registers the fan-out of the encoded stream: the broadcaster, its message pool and statistics, and what viewers are sent.</summary>
internal static class BroadcastServiceCollectionExtensions
{
    /// <param name="benchTimestamps">Benchmarks only: a text message with the send time before each frame (<see cref="FrameTimes"/>).</param>
    public static IServiceCollection AddBroadcast(this IServiceCollection services, int width, int height, ViewerOptions viewerOptions, bool benchTimestamps)
    {
        services.AddMetrics();
        services.AddSingleton<ViewerMetrics>();
        services.AddSingleton<StreamStats>();
        services.AddSingleton<StreamMessagePool>(_ => new StreamMessagePool());
        services.AddSingleton(provider => new Broadcaster(provider.GetRequiredService<StreamStats>())
        {
            FrameTimes = benchTimestamps ? new FrameTimes(provider.GetRequiredService<StreamMessagePool>(), TimeProvider.System) : null,
        });
        services.AddSingleton(viewerOptions);
        services.AddSingleton(new ViewerHandshake(StreamHeader.Create(width, height)));
        return services;
    }
}
