using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;
using PiStream.Services.Http;
using PiStream.Services.Pistreaming;

namespace PiStream.Services.H264;

/// <summary>
/// Registers what the H.264 live codec changes: the <c>h264</c> stream header for <c>/stream</c>, and an
/// <see cref="OnDemandMpeg1Encoder"/> (a hosted service that takes raw frames from the <see cref="RawFrameHub"/> only
/// while someone needs MPEG-1) feeding <c>--ws-port</c>'s <see cref="PistreamingFeed"/> (instead of a tap on the live
/// broadcaster) and the <see cref="Mpeg1Fallback"/> for browsers without H.264, with its status section
/// <c>mpeg1Fallback</c>. With MPEG-1 live nothing changes. Call after <c>AddPistreaming</c>.
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
        var feed = new PistreamingFeed(); // not a tap on the live (H.264) broadcaster: fed by the on-demand MPEG-1 encoder
        services.Replace(ServiceDescriptor.Singleton(feed));
        services.AddSingleton(provider => new Mpeg1Fallback(provider.GetRequiredService<Broadcaster>()));
        services.AddSingleton(provider =>
        {
            var pages = provider.GetRequiredService<Mpeg1Fallback>().Broadcaster;
            return new OnDemandMpeg1Encoder(
                LiveEncoderPlan.Mpeg1(ffmpegPath, encoder),
                format.FrameSize,
                () => feed.Broadcaster.ViewerCount + pages.ViewerCount,
                message =>
                {
                    feed.Publish(message);
                    pages.Publish(message);
                },
                () =>
                {
                    feed.Reset();
                    pages.Reset();
                },
                provider.GetRequiredService<ILogger<OnDemandMpeg1Encoder>>());
        });
        services.AddSingleton<IStatusSection>(provider =>
        {
            var pages = provider.GetRequiredService<Mpeg1Fallback>().Broadcaster;
            return new StatusSection<OnDemandMpeg1Encoder, Mpeg1FallbackStatus>(
                "mpeg1Fallback",
                provider.GetRequiredService<OnDemandMpeg1Encoder>(),
                mpeg1 => new Mpeg1FallbackStatus(pages.ViewerCount, mpeg1.IsRunning),
                H264JsonContext.Default.Mpeg1FallbackStatus);
        });
        services.AddHostedService(provider => new OnDemandMpeg1Service(provider.GetRequiredService<OnDemandMpeg1Encoder>(), provider.GetRequiredService<RawFrameHub>()));
        return services;
    }
}
