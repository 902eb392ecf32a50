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
    IReadOnlyList<ProbeFinding> Findings)
{
    /// <summary>What <c>serve --codec auto</c> would stream: "h264" or "mpeg1".</summary>
    public string Codec { get; init; } = "mpeg1";

    /// <summary>The live encoder serve would run (libx264, h264_v4l2m2m, mpeg1video).</summary>
    public string Encoder { get; init; } = "mpeg1video";

    /// <summary>Why that encoder (for example: the hardware encoder did not open in a trial encode).</summary>
    public string EncoderReason { get; init; } = "";
}
