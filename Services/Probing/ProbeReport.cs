using PiStream.Services.Detection;
using PiStream.Services.Encoding;

namespace PiStream.Services.Probing;

/// <summary>Everything <c>pistream probe</c> found; its JSON form is documented in docs/probe.md.</summary>
internal sealed record ProbeReport(
    int SchemaVersion,
    PlatformInfo Platform,
    FfmpegInfo Ffmpeg,
    CameraInventory Cameras,
    PanTiltReport PanTilt,
    NetworkReport Network,
    ProbeVerdict Verdict)
{
    /// <summary>Bumped when a field is renamed or removed; adding a field does not bump it.</summary>
    public const int CurrentSchemaVersion = 1;
}
