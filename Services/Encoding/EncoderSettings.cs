using PiStream.Services.Capture;

namespace PiStream.Services.Encoding;

/// <summary>How the live stream is encoded: MPEG-1 video in MPEG-TS, as JSMpeg plays it.</summary>
internal sealed record EncoderSettings(
    VideoFormat Format,
    int BitrateBitsPerSecond,
    int KeyframeInterval,
    bool HorizontalFlip = false,
    bool VerticalFlip = false);
