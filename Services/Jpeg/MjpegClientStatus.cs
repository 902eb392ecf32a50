namespace PiStream.Services.Jpeg;

/// <summary>One MJPEG client in GET /api/status: who, what size and rate it asked for, and how it keeps up.</summary>
internal sealed record MjpegClientStatus(string Remote, int Width, int Height, double? Fps, long FramesSent, long FramesSkipped);
