using PiStream.Services.Capture;

namespace PiStream.Services.Recording;

/// <summary>What <c>serve --record</c> needs: the segments, the raw frame format, and the flips the capture left to the encoders.</summary>
internal sealed record SegmentRecordingOptions(string FfmpegPath, SegmentSettings Segments, VideoFormat Format, bool HorizontalFlip, bool VerticalFlip);
