using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PiStream.Services.Broadcast;
using PiStream.Services.PanTilt;

namespace PiStream.Services.Lights;

/// <summary>
/// <c>serve</c>'s HAT lights as a hosted service, started after the pan-tilt device (they share the HAT): with a HAT
/// (real or simulated) it reads back what the pixels show and tells every page about each change; without one there
/// are no lights (<c>/do_light</c> is a 503).
/// </summary>
internal sealed class LightsHost(IOptions<LightsSettings> settings, PanTiltHost panTilt, Broadcaster broadcaster, StreamMessagePool pool, ILoggerFactory loggerFactory)
    : IHostedService, IAsyncDisposable
{
    private LightsController? _controller;

    public LightsSettings Settings => settings.Value;

    /// <summary>The controller, or null without a HAT (or before start).</summary>
    public LightsController? Controller => Volatile.Read(ref _controller);

    /// <summary>The <c>lights</c> part of /api/status; null without a HAT.</summary>
    public LightsStatus? Status() => Controller?.Status();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (panTilt.Controller is { } device)
        {
            var controller = new LightsController(new HatLights(device.Hat, settings.Value), loggerFactory.CreateLogger<LightsController>());
            controller.Changed += new LightsEvents(broadcaster, pool).Publish;
            Volatile.Write(ref _controller, controller);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (Controller is { } controller)
        {
            await controller.DisposeAsync();
        }
    }
}
