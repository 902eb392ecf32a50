using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace PiStream.Services.Http;

/// <summary>How a feature adds its part to GET /api/status.</summary>
internal static class StatusServiceCollectionExtensions
{
    /// <summary>
    /// Adds a section named <paramref name="name"/> (camelCase; null for top-level fields) whose value is
    /// <paramref name="read"/> applied to the feature's <typeparamref name="TService"/>, read on every request.
    /// <paramref name="contract"/> is the section's compiled JSON contract, from the feature's own JSON context.
    /// </summary>
    public static IServiceCollection AddStatusSection<TService, TSection>(this IServiceCollection services, string? name, Func<TService, TSection> read, JsonTypeInfo<TSection> contract)
        where TService : notnull =>
        services.AddSingleton<IStatusSection>(provider => new StatusSection<TService, TSection>(name, provider.GetRequiredService<TService>(), read, contract));
}
