using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PiStream.Services.Broadcast;
using PiStream.Services.Muxing;

namespace PiStream.Services.Publish;

/// <summary>
/// <c>serve --publish</c> as a hosted service: one <see cref="PublishTargetRunner"/> per target, each on its own,
/// all fed by the <see cref="H264Source"/> (the live H.264, or one encoder for them all when the live stream is
/// MPEG-1); all stop with the server.
/// </summary>
internal sealed class PublishService : IHostedLifecycleService, IDisposable
{
    private readonly H264Source _source;
    private readonly CancellationTokenSource _stop = new();
    private readonly IReadOnlyList<PublishTargetRunner> _targets;
    private IDisposable? _subscription;
    private Task _running = Task.CompletedTask;

    public PublishService(IOptions<PublishOptions> options, H264Source source, IMeterFactory meterFactory, ILoggerFactory loggerFactory)
    {
        var settings = options.Value;
        var logger = loggerFactory.CreateLogger<PublishService>();
        _source = source;
        _targets = [.. settings.Targets.Select(target => new PublishTargetRunner(settings.FfmpegPath, target, settings.Framerate, TimeProvider.System, logger))];
        PublishMetrics.Register(meterFactory, _targets, source);
        logger.LogInformation("Publishing to {Count} target(s) from {Source}", _targets.Count, source.Description);
    }

    public PublishStatus Status() => new([.. _targets.Select(target => target.Status())], _source.FramesDropped);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = _source.Subscribe(OfferToEach);
        _running = Task.WhenAll(_targets.Select(target => target.RunAsync(_stop.Token)));
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => _stop.CancelAsync();

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await _stop.CancelAsync();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _subscription?.Dispose();
        _stop.Dispose();
    }

    /// <summary>On the encoder's output path: every target queues or drops the picture; none waits.</summary>
    private void OfferToEach(StreamMessage accessUnit)
    {
        foreach (var target in _targets)
        {
            target.Offer(accessUnit);
        }
    }
}
