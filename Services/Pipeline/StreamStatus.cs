using PiStream.Services.Broadcast;

namespace PiStream.Services.Pipeline;

/// <summary>
/// The stream's own fields of GET /api/status (top level, as the page reads them): what is captured, how the stream
/// does, what <c>/stream</c> carries (codec "h264" or "mpeg1", and the live encoder), and who watches:
/// <see cref="Viewers"/> counts every kind of viewer, <see cref="ViewersByKind"/> tells them apart.
/// </summary>
internal sealed record StreamStatus(
    string Source,
    int Width,
    int Height,
    int Framerate,
    double Fps,
    double BitrateKbps,
    int Viewers,
    ViewerCounts ViewersByKind,
    double UptimeSeconds,
    int EncoderRestarts,
    string Codec,
    string Encoder);
