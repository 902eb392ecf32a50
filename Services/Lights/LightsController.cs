using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PiStream.Services.PanTilt;

namespace PiStream.Services.Lights;

/// <summary>
/// Sets the HAT's lights for <c>serve</c> without blocking anyone: <see cref="Request"/> checks the changes, applies
/// them to the pixel buffer and returns; one loop sends the buffer to the pixels, so a burst of changes (a dragged
/// slider) ends in one write of the latest colours. <see cref="Changed"/> fires after each write.
/// </summary>
internal sealed class LightsController : IAsyncDisposable
{
    private readonly HatLights _lights;
    private readonly ILogger _logger;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private string? _error;
    private int _disposed;

    /// <summary>Reads what the pixels show now (zeros when that fails) and starts the loop.</summary>
    public LightsController(HatLights lights, ILogger<LightsController> logger)
    {
        _lights = lights;
        _logger = logger;
        try
        {
            lights.Load();
        }
        catch (PanTiltUnavailableException e)
        {
            _logger.LogWarning("Could not read the lights back, assuming they are off: {Reason}", e.Message);
        }

        _loop = RunAsync(_stop.Token);
    }

    /// <summary>Raised on the controller's loop with every pixel's colour just written.</summary>
    public event Action<LightColor[]>? Changed;

    public LightsSettings Settings => _lights.Settings;

    /// <summary>Each pixel's colour as last requested.</summary>
    public LightColor[] Colors => _lights.Colors;

    public LightsStatus Status() => new(_lights.Settings.TypeName, _lights.Settings.Count, Volatile.Read(ref _error));

    /// <summary>Accepts the changes (throws <see cref="ArgumentOutOfRangeException"/> for a pixel that does not exist, changing nothing).</summary>
    public LightColor[] Request(IReadOnlyList<LightChange> changes)
    {
        _lights.Apply(changes);
        _wake.Writer.TryWrite(true);
        return _lights.Colors;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(cancellationToken))
            {
                _wake.Reader.TryRead(out _);
                try
                {
                    _lights.Show();
                    Volatile.Write(ref _error, null);
                }
                catch (Exception e) when (e is PanTiltUnavailableException or IOException or ObjectDisposedException)
                {
                    _logger.LogError("Could not set the lights: {Reason}", e.Message);
                    Volatile.Write(ref _error, e.Message);
                    continue;
                }

                Announce(_lights.Colors);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private void Announce(LightColor[] colors)
    {
        try
        {
            Changed?.Invoke(colors);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Telling the pages about the lights failed");
        }
    }
}
