using PiStream.Services.Capture;

namespace PiStream.Services.Recording;

/// <summary>
/// One recording: where it goes and as what, and what comes in. <see cref="RawInput"/> is the frame
/// format of raw yuv420p frames from a capture source; null means MPEG-TS from a running serve's stream.
/// <see cref="Codec"/> is an ffmpeg encoder name, or <c>copy</c> to keep the incoming video as it is.
/// </summary>
internal sealed record RecorderSettings(
    string OutputPath,
    RecordingContainer Container,
    string Codec,
    VideoFormat? RawInput,
    TimeSpan? Duration,
    bool HorizontalFlip = false,
    bool VerticalFlip = false)
{
    public const string Copy = "copy";

    public bool IsCopy => Codec == Copy;

    /// <summary>For a serve's stream: its frame rate when it carries raw H.264 (null: MPEG-TS).</summary>
    public int? H264Framerate { get; init; }
}
