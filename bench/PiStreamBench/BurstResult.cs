namespace PiStream.Bench;

/// <summary>Many viewers connecting at the same moment: how many were accepted and how many got the full frame rate.</summary>
internal sealed record BurstResult(int Viewers, int Accepted, int Refused, int AtFullRate, double MinFps, double MeanFps, string? FirstError);
