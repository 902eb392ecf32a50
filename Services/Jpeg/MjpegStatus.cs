namespace PiStream.Services.Jpeg;

/// <summary>The "mjpeg" section of GET /api/status: how many MJPEG clients watch, each of them, and the JPEG encoders running now.</summary>
internal sealed record MjpegStatus(int Viewers, IReadOnlyList<MjpegClientStatus> Clients, IReadOnlyList<string> Encoders);
