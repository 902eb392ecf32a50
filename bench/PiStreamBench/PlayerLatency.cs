namespace PiStream.Bench;

/// <summary>One player's latency run at one size.</summary>
internal sealed record PlayerLatency(string Player, string Codec, int Width, int Height, string Bitrate, LatencyRun Run, string Load);
