namespace PiStream.Services.Capture;

/// <summary>What to capture: the source, the frame format and the mirror flags.</summary>
internal sealed record CaptureSettings(SourceSpec Source, VideoFormat Format, bool HorizontalFlip = false, bool VerticalFlip = false);
