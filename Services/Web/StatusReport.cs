namespace PiStream.Services.Web;

/// <summary>The body of GET /api/status.</summary>
internal sealed record StatusReport(
    string Source,
    int Width,
    int Height,
    int Framerate,
    double Fps,
    double BitrateKbps,
    int Viewers,
    double UptimeSeconds,
    int EncoderRestarts,
    object? PanTilt);
