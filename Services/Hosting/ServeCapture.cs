using Microsoft.Extensions.Logging;
using PiStream.Services.Capture;
using PiStream.Services.Detection;

namespace PiStream.Services.Hosting;

/// <summary>Picks serve's capture source before anything starts: <c>--source auto</c> looks for a camera; a missing one throws <see cref="CaptureUnavailableException"/> with the fix.</summary>
internal static class ServeCapture
{
    public static async Task<ICaptureSource> CreateAsync(ServeSettings settings, string ffmpegPath, CameraDetector? detector, ILoggerFactory loggerFactory, ILogger logger, CancellationToken cancellationToken)
    {
        if (settings.Source.Kind == SourceKind.Auto)
        {
            logger.LogInformation("Initializing camera: looking for one");
        }

        var spec = await AutoSourceChoice.ResolveAsync(settings.Source, detector ?? CameraDetector.Default, reason => logger.LogWarning("{Reason}", reason), cancellationToken);
        var capture = new CaptureSourceFactory(ffmpegPath, loggerFactory, TimeProvider.System)
            .Create(new CaptureSettings(spec, settings.Format, settings.HorizontalFlip, settings.VerticalFlip));
        logger.LogInformation("Initializing camera: {Source} at {Format}", capture.Description, settings.Format);
        return settings.DebugDelay > TimeSpan.Zero ? new DelayedCaptureSource(capture, settings.DebugDelay) : capture;
    }
}
