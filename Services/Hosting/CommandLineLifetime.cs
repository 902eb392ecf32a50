using Microsoft.Extensions.Hosting;

namespace PiStream.Services.Hosting;

/// <summary>
/// Leaves Ctrl+C and SIGTERM to the command line (System.CommandLine cancels one token that stops
/// everything), instead of the host's console lifetime hooking the same signals a second time.
/// </summary>
internal sealed class CommandLineLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
