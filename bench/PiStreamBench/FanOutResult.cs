namespace PiStream.Bench;

/// <summary>One fan-out level: how every viewer fared over the window, and what the server spent.</summary>
internal sealed record FanOutResult(
    int Viewers,
    double MinFps,
    double MeanFps,
    Percentiles Delay,
    double CpuPercent,
    double RssMb,
    double MbitPerSecond,
    int Failed);
