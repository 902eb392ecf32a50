using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PiStream.Services.Http;

namespace PiStream.Services.Publish;

/// <summary>Registers <c>serve --publish</c> (pushing the stream to media servers) as a hosted service with its status section.</summary>
internal static class PublishServiceCollectionExtensions
{
    public static IServiceCollection AddPublishing(this IServiceCollection services, PublishOptions options)
    {
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<PublishService>();
        services.AddHostedService(provider => provider.GetRequiredService<PublishService>());
        services.AddStatusSection<PublishService, PublishStatus>("publish", service => service.Status(), PublishJsonContext.Default.PublishStatus);
        return services;
    }
}
