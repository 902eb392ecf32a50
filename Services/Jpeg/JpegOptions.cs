using PiStream.Services.Capture;

namespace PiStream.Services.Jpeg;

/// <summary>
/// How snapshots and MJPEG are made: the ffmpeg to run, the raw frames' format, the flips the live encoder applies
/// (the raw frames are not flipped when the camera could not do it), how long an encoder stays up after a snapshot,
/// how long a snapshot waits for a picture, and how many picture sizes may be encoded at once.
/// </summary>
internal sealed record JpegOptions(string FfmpegPath, VideoFormat Format, bool HorizontalFlip, bool VerticalFlip)
{
    public TimeSpan SnapshotKeepAlive { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan SnapshotTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxSizes { get; init; } = 4;
}
