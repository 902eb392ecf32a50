using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PiStream.Services.Broadcast;
using PiStream.Services.Http;

namespace PiStream.Services.Jpeg;

/// <summary>Registers /snapshot.jpg and /stream.mjpg: the on-demand JPEG encoders (a hosted service), their metrics, and the "mjpeg" status section.</summary>
internal static class JpegServiceCollectionExtensions
{
    public static IServiceCollection AddJpeg(this IServiceCollection services, JpegOptions options)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<JpegMetrics>();
        services.TryAddSingleton<ViewerMetrics>();
        services.AddSingleton<JpegChannels>();
        services.AddHostedService(provider => provider.GetRequiredService<JpegChannels>());
        services.AddSingleton<JpegEndpoints>();
        services.AddStatusSection<JpegChannels, MjpegStatus>("mjpeg", channels =>
        {
            var all = channels.All;
            var clients = all.SelectMany(channel => channel.Clients.Select(client =>
                new MjpegClientStatus(client.Remote, channel.Settings.Width, channel.Settings.Height, client.Fps, client.FramesSent, client.FramesSkipped))).ToList();
            var encoders = all.Where(channel => channel.IsRunning).Select(channel => $"{channel.Settings.Width}x{channel.Settings.Height}").ToList();
            return new MjpegStatus(clients.Count, clients, encoders);
        }, JpegJsonContext.Default.MjpegStatus);
        return services;
    }
}
