using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PiStream.Services.Recording;

/// <summary>Registers <c>serve --record</c> (continuous recording in segments) as a hosted service.</summary>
internal static class RecordingServiceCollectionExtensions
{
    public static IServiceCollection AddSegmentRecording(this IServiceCollection services, SegmentRecordingOptions options)
    {
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<SegmentRecordingService>();
        services.AddHostedService(provider => provider.GetRequiredService<SegmentRecordingService>());
        return services;
    }
}
