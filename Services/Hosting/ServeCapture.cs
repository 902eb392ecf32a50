using Microsoft.Extensions.Logging;
using PiStream.Services.CameraControls;
using PiStream.Services.Capture;
using PiStream.Services.Detection;

namespace PiStream.Services.Hosting;

/// <summary>
/// Picks serve's capture source before anything starts: <c>--source auto</c> looks for a camera; a missing one throws
/// <see cref="CaptureUnavailableException"/> with the fix. Applies a webcam's <c>--v4l2-control</c>s
/// (<see cref="CameraControlException"/>), and tells which sensor a Pi camera has (for click-to-point's field of view)
/// and which source it chose.
/// </summary>
internal static class ServeCapture
{
    public static async Task<(ICaptureSource Capture, string? Sensor, SourceSpec Source)> CreateAsync(ServeSettings settings, string ffmpegPath, CameraDetector? detector, ILoggerFactory loggerFactory, ILogger logger, CancellationToken cancellationToken)
    {
        detector ??= CameraDetector.Default;
        var spec = settings.Source;
        string? sensor = null;
        var needSensor = settings.Aim.Horizontal is null || settings.Aim.Vertical is null;
        if (spec.Kind == SourceKind.Auto || (spec.Kind == SourceKind.Libcamera && needSensor))
        {
            logger.LogInformation("Initializing camera: looking for one");
            var inventory = await detector.DetectAsync(cancellationToken);
            if (spec.Kind == SourceKind.Auto)
            {
                var choice = AutoSourceChoice.From(inventory);
                if (choice.IsFallback)
                {
                    logger.LogWarning("{Reason}", choice.Reason);
                }

                spec = choice.Source;
            }

            var index = spec.Kind == SourceKind.Libcamera ? int.TryParse(spec.Argument ?? "0", out var number) ? number : 0 : -1;
            sensor = inventory.LibcameraCameras.FirstOrDefault(camera => camera.Index == index)?.Sensor;
        }

        var controls = settings.CameraControls;
        if (controls.IgnoredWarning(spec.Kind == SourceKind.Libcamera, spec.Kind == SourceKind.V4l2) is { } ignored)
        {
            logger.LogWarning("{Warning}", ignored);
        }

        if (spec.Kind == SourceKind.V4l2)
        {
            await V4l2ControlApplier.ApplyAsync(spec.Argument ?? "/dev/video0", controls, logger, cancellationToken);
        }

        var capture = new CaptureSourceFactory(ffmpegPath, loggerFactory, TimeProvider.System)
            .Create(new CaptureSettings(spec, settings.Format, settings.HorizontalFlip, settings.VerticalFlip) { Controls = controls });
        logger.LogInformation("Initializing camera: {Source} at {Format}", capture.Description, settings.Format);
        return (settings.DebugDelay > TimeSpan.Zero ? new DelayedCaptureSource(capture, settings.DebugDelay) : capture, sensor, spec);
    }
}
