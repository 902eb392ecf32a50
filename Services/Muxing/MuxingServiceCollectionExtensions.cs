using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;

namespace PiStream.Services.Muxing;

/// <summary>Registers the <see cref="H264Source"/> that recording and publishing share. Call after the pipeline and before them (hosted services start in order).</summary>
internal static class MuxingServiceCollectionExtensions
{
    /// <param name="encoder">Null when the live stream is H.264 (copied); else the dedicated H.264 encoder.</param>
    public static IServiceCollection AddH264Source(this IServiceCollection services, LiveEncoderPlan? encoder, VideoFormat format)
    {
        services.AddSingleton(provider => new H264Source(
            provider.GetRequiredService<Broadcaster>(),
            provider.GetRequiredService<RawFrameHub>(),
            encoder,
            format,
            provider.GetRequiredService<ILogger<H264Source>>()));
        services.AddHostedService(provider => provider.GetRequiredService<H264Source>());
        return services;
    }
}
