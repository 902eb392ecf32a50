namespace PiStream.Soak;

/// <summary>Everything a soak run found, for the report.</summary>
internal sealed record SoakResult(
    SoakOptions Options,
    IReadOnlyList<Sample> Samples,
    IReadOnlyList<TimeSpan> Kills,
    IReadOnlyList<string> LostViewers,
    TimeSpan ExitTook,
    int ExitCode,
    int ChildrenSeen,
    IReadOnlyList<int> Orphans,
    IReadOnlyDictionary<int, long>? PanTiltAnswers);
