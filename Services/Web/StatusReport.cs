namespace PiStream.Services.Web;

/// <summary>The body of GET /api/status. <see cref="ReadOnly"/>: the camera cannot be moved from the network (--read-only).</summary>
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
    object? PanTilt,
    bool ReadOnly);
