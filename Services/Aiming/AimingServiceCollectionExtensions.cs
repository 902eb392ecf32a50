using Microsoft.Extensions.DependencyInjection;
using PiStream.Services.Http;

namespace PiStream.Services.Aiming;

/// <summary>Registers the camera's field of view (for click-to-point) and its /api/status section, <c>aim</c>.</summary>
internal static class AimingServiceCollectionExtensions
{
    public static IServiceCollection AddAiming(this IServiceCollection services, FieldOfView fieldOfView)
    {
        services.AddSingleton(fieldOfView);
        services.AddStatusSection<FieldOfView, FieldOfView>("aim", fov => fov);
        return services;
    }
}
