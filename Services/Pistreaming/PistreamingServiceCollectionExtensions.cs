using Microsoft.Extensions.DependencyInjection;
using PiStream.Services.Broadcast;
using PiStream.Services.Http;

namespace PiStream.Services.Pistreaming;

/// <summary>
/// Registers the <c>--ws-port</c> feed for pistreaming's clients, fed by a tap on the live broadcaster (the live
/// codec is MPEG-1), and its /api/status section, <c>pistreaming</c> (its viewers).
/// </summary>
internal static class PistreamingServiceCollectionExtensions
{
    public static IServiceCollection AddPistreaming(this IServiceCollection services)
    {
        services.AddSingleton(provider => new PistreamingFeed(provider.GetRequiredService<Broadcaster>()));
        services.AddStatusSection<PistreamingFeed, PistreamingStatus>("pistreaming", feed => new PistreamingStatus(feed.Broadcaster.ViewerCount), PistreamingJsonContext.Default.PistreamingStatus);
        return services;
    }
}
