using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;

namespace PiStream.Services.H264;

/// <summary>
/// Registers what the H.264 live codec changes: the <c>h264</c> stream header for <c>/stream</c>, and for
/// <c>--ws-port</c> its own MPEG-1 fan-out fed by the <see cref="OnDemandMpeg1Encoder"/> (a hosted service that
/// takes raw frames from the <see cref="RawFrameHub"/> only while a pistreaming client is connected).
/// With MPEG-1 live nothing changes.
/// </summary>
internal static class LiveCodecServiceCollectionExtensions
{
    public static IServiceCollection AddLiveCodec(this IServiceCollection services, LiveEncoderPlan plan, string ffmpegPath, EncoderSettings encoder)
    {
        if (plan.Codec != VideoCodec.H264)
        {
            return services;
        }

        var format = encoder.Format;
        services.Replace(ServiceDescriptor.Singleton(new ViewerHandshake(StreamHeader.CreateH264(format.Width, format.Height, format.Framerate))));
        var legacy = new WebSocketPortStream(new Broadcaster(new StreamStats()), new ViewerHandshake(StreamHeader.Create(format.Width, format.Height)));
        services.Replace(ServiceDescriptor.Singleton(legacy));
        services.AddSingleton(provider => new OnDemandMpeg1Encoder(
            LiveEncoderPlan.Mpeg1(ffmpegPath, encoder),
            format.FrameSize,
            () => legacy.Broadcaster.ViewerCount,
            legacy.Broadcaster.Publish,
            legacy.Broadcaster.Reset,
            provider.GetRequiredService<ILogger<OnDemandMpeg1Encoder>>()));
        services.AddHostedService(provider => new OnDemandMpeg1Service(provider.GetRequiredService<OnDemandMpeg1Encoder>(), provider.GetRequiredService<RawFrameHub>()));
        return services;
    }
}
