using Microsoft.Extensions.Hosting;
using PiStream.Services.Capture;

namespace PiStream.Services.H264;

/// <summary>Runs the <see cref="OnDemandMpeg1Encoder"/> for the life of <c>serve</c>, subscribed to the raw frames.</summary>
internal sealed class OnDemandMpeg1Service(OnDemandMpeg1Encoder encoder, RawFrameHub rawFrames) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = rawFrames.Subscribe(encoder.Offer);
        await encoder.RunAsync(stoppingToken);
    }
}
