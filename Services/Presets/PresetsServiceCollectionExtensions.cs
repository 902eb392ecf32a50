using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PiStream.Services.Presets;

/// <summary>Registers the preset store (read from <c>--state-dir</c> at start) and the event that tells pages about changes.</summary>
internal static class PresetsServiceCollectionExtensions
{
    public static IServiceCollection AddPresets(this IServiceCollection services, PresetsSettings settings)
    {
        services.AddSingleton(provider => new PresetStore(settings.StateDirectory, provider.GetRequiredService<ILogger<PresetStore>>()));
        services.AddSingleton<PresetEvents>();
        return services;
    }
}
