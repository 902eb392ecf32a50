using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PiStream.Services.Pipeline;

/// <summary>
/// Runs the <see cref="StreamPipeline"/> for the life of <c>serve</c>: it starts once the server listens
/// (<see cref="StartedAsync"/>), and is told to stop as soon as shutdown begins (<see cref="StoppingAsync"/>),
/// so the capture and ffmpeg stop while the server closes its viewers.
/// </summary>
internal sealed class StreamPipelineService(StreamPipeline pipeline, ILogger<StreamPipelineService> logger) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Starting broadcast");
        _running = pipeline.RunAsync(_stop.Token);
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => _stop.CancelAsync();

    /// <summary>Waits for the capture and ffmpeg to stop (the pipeline kills them if they do not within about a second).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stop.Dispose();
}
