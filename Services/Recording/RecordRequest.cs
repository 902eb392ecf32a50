using PiStream.Services.CameraControls;
using PiStream.Services.Capture;

namespace PiStream.Services.Recording;

/// <summary>
/// What <c>pistream record</c> is asked: the output file, what to record (a capture source, or the stream
/// of a running serve at <see cref="From"/>), for how long (null: until stopped), and with which codec
/// (<c>auto</c>, <c>copy</c> or an ffmpeg encoder name).
/// </summary>
internal sealed record RecordRequest(
    string OutputPath,
    SourceSpec Source,
    VideoFormat Format,
    bool HorizontalFlip,
    bool VerticalFlip,
    TimeSpan? Duration,
    string Codec,
    Uri? From,
    bool Overwrite)
{
    public const string AutoCodec = "auto";

    /// <summary>The camera's image controls (ignored with <see cref="From"/>: the running serve owns the camera).</summary>
    public ImageControls Controls { get; init; } = ImageControls.None;
}
