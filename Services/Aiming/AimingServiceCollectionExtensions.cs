using Microsoft.Extensions.DependencyInjection;
using PiStream.Services.Http;

namespace PiStream.Services.Aiming;

/// <summary>Registers the camera's field of view (for click-to-point) and its /api/status section, <c>aim</c>.</summary>
internal static class AimingServiceCollectionExtensions
{
    public static IServiceCollection AddAiming(this IServiceCollection services, Aim aim)
    {
        services.AddSingleton(aim);
        services.AddStatusSection<Aim, Aim>("aim", value => value, AimingJsonContext.Default.Aim);
        return services;
    }
}
