namespace PiStream.Bench;

/// <summary>One fan-out level of one codec.</summary>
internal sealed record CodecFanOut(string Codec, int Viewers, double MinFps, double MeanFps, double CpuPercent, double RssMb, double MbitPerSecond, int Failed, string Load);
