using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PiStream.Services.Http;

namespace PiStream.Services.Security;

/// <summary>Registers access control: login, read-only, cross-site and rebinding guards, protective headers and the viewer caps (docs/security.md).</summary>
internal static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddAccessControl(this IServiceCollection services, AccessSettings access)
    {
        services.AddMetrics();
        services.AddSingleton<LoginMetrics>();
        services.AddSingleton(Options.Create(access));
        services.AddSingleton(provider => new FailedLoginLimiter(TimeProvider.System));
        services.AddSingleton(provider => new VerifiedLogins(TimeProvider.System));
        services.AddSingleton(provider => new AccessGate(
            provider.GetRequiredService<IOptions<AccessSettings>>().Value,
            provider.GetRequiredService<FailedLoginLimiter>(),
            provider.GetRequiredService<VerifiedLogins>(),
            provider.GetRequiredService<ILogger<AccessGate>>(),
            provider.GetRequiredService<LoginMetrics>()));
        services.AddSingleton(provider => new ViewerLimit(
            provider.GetRequiredService<IOptions<AccessSettings>>().Value.MaxViewers,
            provider.GetRequiredService<IOptions<AccessSettings>>().Value.MaxViewersPerAddress,
            new ViewerRefusals(TimeProvider.System, provider.GetRequiredService<ILogger<ViewerLimit>>(), provider.GetRequiredService<IMeterFactory>())));
        services.AddStatusSection<IOptions<AccessSettings>, bool>("readOnly", options => options.Value.ReadOnly, HttpJsonContext.Default.Boolean);
        return services;
    }
}
