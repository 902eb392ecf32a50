using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PiStream.Services.Broadcast;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;
using PiStream.Services.Http;

namespace PiStream.Services.Pipeline;

/// <summary>Registers capture -> ffmpeg -> broadcast as a hosted service, the raw-frame hub it feeds, and the stream's /api/status fields.</summary>
internal static class PipelineServiceCollectionExtensions
{
    /// <param name="capture">The resolved capture source (<c>--source auto</c> already chosen).</param>
    public static IServiceCollection AddStreamPipeline(this IServiceCollection services, ICaptureSource capture, string ffmpegPath, EncoderSettings encoder, RestartPolicy policy)
    {
        services.AddSingleton(capture);
        services.AddSingleton(Options.Create(encoder));
        services.AddSingleton<RawFrameHub>();
        services.AddSingleton(provider => new StreamPipeline(
            capture,
            ffmpegPath,
            encoder,
            provider.GetRequiredService<Broadcaster>(),
            provider.GetRequiredService<StreamMessagePool>(),
            provider.GetRequiredService<RawFrameHub>(),
            policy,
            provider.GetRequiredService<ILogger<StreamPipeline>>()));
        services.AddSingleton<StreamPipelineService>();
        services.AddHostedService(provider => provider.GetRequiredService<StreamPipelineService>());
        services.AddStatusSection<Broadcaster, StreamStatus>(null, broadcaster => new StreamStatus(
            capture.Description,
            encoder.Format.Width,
            encoder.Format.Height,
            encoder.Format.Framerate,
            Math.Round(broadcaster.Stats.FramesPerSecond, 1),
            Math.Round(broadcaster.Stats.BitsPerSecond / 1000, 1),
            broadcaster.ViewerCount,
            Math.Round(broadcaster.Stats.Uptime.TotalSeconds, 1),
            broadcaster.Stats.EncoderRestarts));
        return services;
    }
}
