namespace PiStream.Bench;

/// <summary>Healthy viewers' delivery delay without and with one viewer that stopped reading, and the server's memory meanwhile.</summary>
internal sealed record IsolationResult(
    int HealthyViewers,
    Percentiles Without,
    Percentiles With,
    double MinFpsWith,
    double StallSeconds,
    double RssAtStallMb,
    double RssMaxMb,
    double RssEndMb,
    double RssGrowthWithoutMb,
    int ViewersAfter);
