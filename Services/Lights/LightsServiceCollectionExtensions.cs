using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PiStream.Services.Http;

namespace PiStream.Services.Lights;

/// <summary>Registers the HAT's lights (a hosted service after the pan-tilt device) and their /api/status section.</summary>
internal static class LightsServiceCollectionExtensions
{
    public static IServiceCollection AddLights(this IServiceCollection services, LightsSettings settings)
    {
        services.AddSingleton(Options.Create(settings));
        services.AddSingleton<LightsHost>();
        services.AddHostedService(provider => provider.GetRequiredService<LightsHost>());
        services.AddStatusSection<LightsHost, LightsStatus?>("lights", host => host.Status(), LightsJsonContext.Default.LightsStatus);
        return services;
    }
}
