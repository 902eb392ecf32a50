using Microsoft.Extensions.DependencyInjection;

namespace PiStream.Services.Http;

/// <summary>How a feature adds its part to GET /api/status.</summary>
internal static class StatusServiceCollectionExtensions
{
    /// <summary>
    /// Adds a section named <paramref name="name"/> (camelCase; null for top-level fields) whose value is
    /// <paramref name="read"/> applied to the feature's <typeparamref name="TService"/>, read on every request.
    /// <typeparamref name="TSection"/> must be listed in <see cref="WebJsonContext"/>: one that is not fails here, at start-up.
    /// </summary>
    public static IServiceCollection AddStatusSection<TService, TSection>(this IServiceCollection services, string? name, Func<TService, TSection> read)
        where TService : notnull =>
        services.AddSingleton<IStatusSection>(provider => new StatusSection<TService, TSection>(name, provider.GetRequiredService<TService>(), read, HttpResponses.TypeInfo<TSection>(HttpResponses.Json)));
}
