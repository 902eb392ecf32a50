using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PiStream.Services.Muxing;

namespace PiStream.Services.Recording;

/// <summary>
/// <c>serve --record</c> as a hosted service: on start it checks the folder (throwing
/// <see cref="RecordingUnavailableException"/> with the fix), then records the H.264 the <see cref="H264Source"/>
/// offers (the live stream's, copied); on stop it finishes the current segment.
/// </summary>
internal sealed class SegmentRecordingService(
    IOptions<SegmentRecordingOptions> options,
    H264Source source,
    ILoggerFactory loggerFactory) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private IDisposable? _subscription;
    private Task _running = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var recorder = await SegmentRecorderFactory.CreateAsync(
            settings.FfmpegPath, settings.Segments, settings.Framerate, source.Description, loggerFactory, cancellationToken);
        _subscription = source.Subscribe(recorder.Offer);
        _running = recorder.RunAsync(_stop.Token);
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => _stop.CancelAsync();

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _subscription?.Dispose();
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _subscription?.Dispose();
        _stop.Dispose();
    }
}
