using System.Net;
using PiStream.Services.Capture;

namespace PiStream.Services.Hosting;

/// <summary>Everything <c>pistream serve</c> is told: where to listen, what to capture, how to encode.</summary>
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
    TimeSpan DebugDelay = default,
    bool BenchTimestamps = false)
{
    public const int DefaultPort = 8082;
    public const int DefaultWebSocketPort = 8084;
    public const int DefaultBitrate = 800_000;

    public static ServeSettings Defaults { get; } = new(
        null, DefaultPort, DefaultWebSocketPort, SourceSpec.Auto, new VideoFormat(640, 480, 24), DefaultBitrate, 24, false, false);
}
