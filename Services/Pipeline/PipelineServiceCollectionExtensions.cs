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
    /// <param name="plan">The live encoder (codec and encoder already chosen).</param>
    public static IServiceCollection AddStreamPipeline(this IServiceCollection services, ICaptureSource capture, LiveEncoderPlan plan, EncoderSettings encoder, RestartPolicy policy)
    {
        services.AddSingleton(capture);
        services.AddSingleton(Options.Create(encoder));
        services.AddSingleton<RawFrameHub>();
        services.AddMetrics();
        services.AddSingleton<EncodeLatency>();
        services.AddSingleton(provider => new StreamPipeline(
            capture,
            plan,
            provider.GetRequiredService<Broadcaster>(),
            provider.GetRequiredService<StreamMessagePool>(),
            provider.GetRequiredService<RawFrameHub>(),
            policy,
            provider.GetRequiredService<ILogger<StreamPipeline>>(),
            provider.GetRequiredService<EncodeLatency>()));
        services.AddSingleton<StreamPipelineService>();
        services.AddHostedService(provider => provider.GetRequiredService<StreamPipelineService>());
        services.AddSingleton<IStatusSection>(provider =>
        {
            var viewers = provider.GetRequiredService<ViewerMetrics>();
            return new StatusSection<Broadcaster, StreamStatus>(null, provider.GetRequiredService<Broadcaster>(), broadcaster => Status(broadcaster, viewers.Counts(), capture, plan, encoder), PipelineJsonContext.Default.StreamStatus);
        });
        return services;
    }

    private static StreamStatus Status(Broadcaster broadcaster, ViewerCounts viewers, ICaptureSource capture, LiveEncoderPlan plan, EncoderSettings encoder) => new(
        capture.Description,
        encoder.Format.Width,
        encoder.Format.Height,
        encoder.Format.Framerate,
        Math.Round(broadcaster.Stats.FramesPerSecond, 1),
        Math.Round(broadcaster.Stats.BitsPerSecond / 1000, 1),
        viewers.Total(),
        viewers,
        Math.Round(broadcaster.Stats.Uptime.TotalSeconds, 1),
        broadcaster.Stats.EncoderRestarts,
        plan.Codec == VideoCodec.H264 ? "h264" : "mpeg1",
        plan.Encoder);
}
