using PiStream.Services.Capture;

namespace PiStream.Services.Detection;

/// <summary>What <c>--source auto</c> picks from a <see cref="CameraInventory"/>, and why; <c>serve</c> and <c>record</c> both resolve it here.</summary>
internal sealed record AutoSourceChoice(SourceSpec Source, string Reason, bool IsFallback)
{
    /// <summary>
    /// The source to open: <paramref name="spec"/> itself unless it is <c>auto</c>, else what <see cref="From"/> picks from what
    /// <paramref name="detector"/> finds. <paramref name="onFallback"/> hears the reason when that is the test pattern.
    /// </summary>
    public static async Task<SourceSpec> ResolveAsync(SourceSpec spec, CameraDetector detector, Action<string> onFallback, CancellationToken cancellationToken)
    {
        if (spec.Kind != SourceKind.Auto)
        {
            return spec;
        }

        var choice = From(await detector.DetectAsync(cancellationToken));
        if (choice.IsFallback)
        {
            onFallback(choice.Reason);
        }

        return choice.Source;
    }

    /// <summary>libcamera if a camera is listed, else the first usable V4L2 capture node, else the test pattern.</summary>
    public static AutoSourceChoice From(CameraInventory inventory)
    {
        if (inventory.LibcameraCameras.Count > 0)
        {
            var camera = inventory.LibcameraCameras[0];
            return new AutoSourceChoice(
                new SourceSpec(SourceKind.Libcamera, camera.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                $"libcamera camera {camera.Index} ({camera.Sensor})",
                IsFallback: false);
        }

        var webcam = inventory.V4l2Devices.FirstOrDefault(device => device.IsCamera);
        if (webcam is not null)
        {
            var node = webcam.CaptureNode!;
            return new AutoSourceChoice(new SourceSpec(SourceKind.V4l2, node), $"V4L2 camera {node} ({webcam.Name})", IsFallback: false);
        }

        return new AutoSourceChoice(
            SourceSpec.Test,
            "no camera found, streaming the test pattern; choose a camera with --source libcamera or --source v4l2:/dev/videoN",
            IsFallback: true);
    }
}
