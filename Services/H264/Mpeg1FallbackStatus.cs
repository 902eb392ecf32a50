namespace PiStream.Services.H264;

/// <summary>The <c>mpeg1Fallback</c> part of /api/status (live codec H.264 only): pages watching MPEG-1 because their browser decodes no H.264, and whether the MPEG-1 encoder runs (for them or for <c>--ws-port</c>).</summary>
internal sealed record Mpeg1FallbackStatus(int Viewers, bool EncoderRunning);
