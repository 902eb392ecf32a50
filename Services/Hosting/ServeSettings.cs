using System.Net;
using PiStream.Services.Capture;
using PiStream.Services.PanTilt;
using PiStream.Services.Recording;

namespace PiStream.Services.Hosting;

/// <summary>Everything <c>pistream serve</c> is told: where to listen, what to capture, how to encode, and whether to record.</summary>
internal sealed record ServeSettings(
    IPAddress? Bind,
    int Port,
    int WebSocketPort,
    SourceSpec Source,
    VideoFormat Format,
    int BitrateBitsPerSecond,
    int KeyframeInterval,
    bool HorizontalFlip,
    bool VerticalFlip,
    SegmentSettings? Recording = null)
{
    public const int DefaultPort = 8082;
    public const int DefaultWebSocketPort = 8084;
    public const int DefaultBitrate = 800_000;

    /// <summary>The pan-tilt device; none unless set (the command line's default is auto).</summary>
    public PanTiltSettings PanTilt { get; init; } = PanTiltSettings.None;

    public static ServeSettings Defaults { get; } = new(
        null, DefaultPort, DefaultWebSocketPort, SourceSpec.Auto, new VideoFormat(640, 480, 24), DefaultBitrate, 24, false, false);
}
