using PiStream.Services.Capture;

namespace PiStream.Services.Publish;

/// <summary>What <c>serve --publish</c> needs: the targets, the raw frame format, and how to encode H.264 for them.</summary>
internal sealed record PublishOptions(
    string FfmpegPath,
    IReadOnlyList<PublishTarget> Targets,
    VideoFormat Format,
    int BitrateBitsPerSecond,
    int KeyframeInterval,
    bool HorizontalFlip,
    bool VerticalFlip);
