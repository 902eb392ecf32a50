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
    bool ReadOnly)
{
    /// <summary>"h264" or "mpeg1": what <c>/stream</c> carries.</summary>
    public string Codec { get; init; } = "mpeg1";

    /// <summary>The live encoder: libx264, h264_v4l2m2m, rpicam-vid or mpeg1video.</summary>
    public string Encoder { get; init; } = "mpeg1video";
}
