using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;

namespace PiStream.Services.Systemd;

/// <summary>
/// Registers sd_notify when <c>NOTIFY_SOCKET</c> is set, whoever started pistream (not only when the parent is
/// systemd, as <c>UseSystemd</c> would decide), with the watchdog <c>WATCHDOG_USEC</c> asks for.
/// </summary>
internal static class SystemdServiceCollectionExtensions
{
    /// <param name="environment">Reads an environment variable (this process's environment when null).</param>
    public static IServiceCollection AddSystemdNotifications(this IServiceCollection services, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (NotifySocket.From(environment(NotifySocket.Variable)) is not { } socket)
        {
            return services;
        }

        var timeout = WatchdogPolicy.TimeoutFrom(environment("WATCHDOG_USEC"), environment("WATCHDOG_PID"), Environment.ProcessId);
        services.AddSingleton(socket);
        services.AddSingleton(provider =>
        {
            var broadcaster = provider.GetRequiredService<Broadcaster>();
            var viewers = provider.GetRequiredService<ViewerMetrics>();
            return new SystemdNotifier(
                socket,
                timeout is { } watchdog ? new WatchdogPolicy(watchdog, TimeProvider.System) : null,
                () => new ServiceSnapshot(broadcaster.Stats.Frames, broadcaster.Stats.FramesPerSecond, viewers.Counts().Total()),
                TimeProvider.System,
                provider.GetRequiredService<ILogger<SystemdNotifier>>());
        });
        services.AddSingleton<SystemdNotifyService>();
        services.AddHostedService(provider => provider.GetRequiredService<SystemdNotifyService>());
        return services;
    }
}
