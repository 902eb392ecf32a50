using Microsoft.Extensions.Hosting;

namespace PiStream.Services.Systemd;

/// <summary>
/// Runs the <see cref="SystemdNotifier"/> for the life of <c>serve</c>: from the moment every hosted service has
/// started and HTTP listens (<see cref="StartedAsync"/>; READY=1 follows with the first frame) until shutdown begins,
/// when STOPPING=1 goes out before anything else stops.
/// </summary>
internal sealed class SystemdNotifyService(SystemdNotifier notifier) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _running = notifier.RunAsync(_stop.Token);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        notifier.Stopping();
        await _stop.CancelAsync();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stop.Dispose();
}
