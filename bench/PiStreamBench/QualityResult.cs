namespace PiStream.Bench;

/// <summary>SSIM of what a WebSocket viewer received (decoded by ffmpeg) against the source frames.</summary>
internal sealed record QualityResult(string Source, string Codec, int Width, int Height, string Bitrate, double Ssim, double ReceivedKbps, int Frames, string Load, string? Problem);
