using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PiStream.Services.Capture;

namespace PiStream.Services.Publish;

/// <summary>
/// <c>serve --publish</c> as a hosted service: one shared H.264 encoder fed by the <see cref="RawFrameHub"/>
/// and one <see cref="PublishTargetRunner"/> per target, each on its own; all stop with the server.
/// </summary>
internal sealed class PublishService : IHostedLifecycleService, IDisposable
{
    private readonly RawFrameHub _rawFrames;
    private readonly CancellationTokenSource _stop = new();
    private readonly PublishEncoder _encoder;
    private readonly IReadOnlyList<PublishTargetRunner> _targets;
    private IDisposable? _subscription;
    private Task _running = Task.CompletedTask;

    public PublishService(IOptions<PublishOptions> options, RawFrameHub rawFrames, IMeterFactory meterFactory, ILoggerFactory loggerFactory)
    {
        var settings = options.Value;
        var logger = loggerFactory.CreateLogger<PublishService>();
        _rawFrames = rawFrames;
        _targets = [.. settings.Targets.Select(target => new PublishTargetRunner(settings.FfmpegPath, target, TimeProvider.System, logger))];
        _encoder = new PublishEncoder(settings, _targets, TimeProvider.System, logger);
        PublishMetrics.Register(meterFactory, _targets, _encoder);
    }

    public PublishStatus Status() => new([.. _targets.Select(target => target.Status())], _encoder.FramesDropped);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = _rawFrames.Subscribe(_encoder.Offer);
        _running = Task.WhenAll([_encoder.RunAsync(_stop.Token), .. _targets.Select(target => target.RunAsync(_stop.Token))]);
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
}
