using Microsoft.Extensions.DependencyInjection;
using PiStream.Services.Http;

namespace PiStream.Services.CameraControls;

/// <summary>Registers the camera's image controls and their /api/status section, <c>camera</c>.</summary>
internal static class CameraControlsServiceCollectionExtensions
{
    public static IServiceCollection AddCameraControls(this IServiceCollection services, ImageControls controls)
    {
        services.AddSingleton(controls);
        services.AddStatusSection<ImageControls, CameraStatus>("camera", active => new CameraStatus(active.Active()), CameraControlsJsonContext.Default.CameraStatus);
        return services;
    }
}
