namespace PiStream.Bench;

/// <summary>One server at one viewer count: its CPU (% of one core, its own process only), RSS, and what each viewer got.</summary>
internal sealed record PerfLevel(string Server, int Round, int Viewers, double CpuPercent, double RssMb, double MinMessagesPerSecond, double MeanMessagesPerSecond, double MbitPerSecond, int Failed);
