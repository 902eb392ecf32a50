using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PiStream.Services.Broadcast;

namespace PiStream.Services.PanTilt;

/// <summary>
/// <c>serve</c>'s pan-tilt device as a hosted service: on start it opens the device the settings name
/// (<see cref="PanTiltStarter"/>; a missing <c>--pantilt hat</c> throws <see cref="PanTiltUnavailableException"/>
/// with the fix) and tells every page about each move; on stop it disables the servos.
/// </summary>
internal sealed class PanTiltHost : IHostedService, IAsyncDisposable
{
    private readonly IOptions<PanTiltSettings> _settings;
    private readonly Broadcaster _broadcaster;
    private readonly StreamMessagePool _pool;
    private readonly ILoggerFactory _loggerFactory;
    private PanTiltController? _controller;

    public PanTiltHost(IOptions<PanTiltSettings> settings, Broadcaster broadcaster, StreamMessagePool pool, ILoggerFactory loggerFactory, IMeterFactory meters)
    {
        _settings = settings;
        _broadcaster = broadcaster;
        _pool = pool;
        _loggerFactory = loggerFactory;
        meters.Create("PiStream").CreateObservableCounter("pistream.pantilt.moves", () => Controller?.Moves ?? 0, "{move}", "Pan-tilt moves written to the device");
    }

    /// <summary>The controller, or null when serve has no pan-tilt device (or before start).</summary>
    public PanTiltController? Controller => Volatile.Read(ref _controller);

    /// <summary>The <c>panTilt</c> part of /api/status; null without a device.</summary>
    public PanTiltStatus? Status() => Controller?.Status();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var controller = PanTiltStarter.Start(_settings.Value, _loggerFactory, TimeProvider.System);
        if (controller is not null)
        {
            controller.Moved += new OrientationEvents(_broadcaster, _pool).Publish;
        }

        Volatile.Write(ref _controller, controller);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <summary>Stops the controller's loop and disables the servos (once; the controller stays readable).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Controller is { } controller)
        {
            await controller.DisposeAsync();
        }
    }
}
