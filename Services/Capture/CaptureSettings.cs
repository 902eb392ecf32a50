using PiStream.Services.CameraControls;

namespace PiStream.Services.Capture;

/// <summary>What to capture: the source, the frame format, the mirror flags and the camera's image controls.</summary>
internal sealed record CaptureSettings(SourceSpec Source, VideoFormat Format, bool HorizontalFlip = false, bool VerticalFlip = false)
{
    /// <summary>Image controls: passed to rpicam-vid for a Pi camera; V4L2 controls are set before capture (<see cref="V4l2ControlApplier"/>).</summary>
    public ImageControls Controls { get; init; } = ImageControls.None;
}
