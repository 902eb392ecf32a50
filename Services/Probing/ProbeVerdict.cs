namespace PiStream.Services.Probing;

/// <summary>
/// What <c>serve --source auto</c> would stream (<see cref="Source"/>, a --source value) and whether a
/// Pan-Tilt HAT would be driven (<see cref="PanTilt"/>: "hat" or "none"), plus every finding with its fix.
/// </summary>
internal sealed record ProbeVerdict(
    bool CanServe,
    ServeBlocker Blocker,
    string Source,
    string SourceReason,
    bool UsesTestPattern,
    string PanTilt,
    string PanTiltReason,
    IReadOnlyList<ProbeFinding> Findings);
