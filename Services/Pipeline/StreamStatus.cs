namespace PiStream.Services.Pipeline;

/// <summary>The stream's own fields of GET /api/status (top level, as the page reads them): what is captured, and how the stream does.</summary>
internal sealed record StreamStatus(
    string Source,
    int Width,
    int Height,
    int Framerate,
    double Fps,
    double BitrateKbps,
    int Viewers,
    double UptimeSeconds,
    int EncoderRestarts);
