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
internal sealed class PanTiltHost(IOptions<PanTiltSettings> settings, Broadcaster broadcaster, StreamMessagePool pool, ILoggerFactory loggerFactory)
    : IHostedService, IAsyncDisposable
{
    private PanTiltController? _controller;

    /// <summary>The controller, or null when serve has no pan-tilt device (or before start).</summary>
    public PanTiltController? Controller => Volatile.Read(ref _controller);

    /// <summary>The <c>panTilt</c> part of /api/status; null without a device.</summary>
    public PanTiltStatus? Status() => Controller?.Status();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var controller = PanTiltStarter.Start(settings.Value, loggerFactory, TimeProvider.System);
        if (controller is not null)
        {
            controller.Moved += new OrientationEvents(broadcaster, pool).Publish;
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
