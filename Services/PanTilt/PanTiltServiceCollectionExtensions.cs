using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PiStream.Services.Http;

namespace PiStream.Services.PanTilt;

/// <summary>Registers the pan-tilt device (a hosted service) and its /api/status section.</summary>
internal static class PanTiltServiceCollectionExtensions
{
    public static IServiceCollection AddPanTilt(this IServiceCollection services, PanTiltSettings settings)
    {
        services.AddMetrics();
        services.AddSingleton(Options.Create(settings));
        services.AddSingleton<PanTiltHost>();
        services.AddHostedService(provider => provider.GetRequiredService<PanTiltHost>());
        services.AddStatusSection<PanTiltHost, PanTiltStatus?>("panTilt", host => host.Status(), PanTiltJsonContext.Default.PanTiltStatus);
        return services;
    }
}
