namespace PiStream.Services.PanTilt;

/// <summary>
/// The pan-tilt part of <c>serve</c>'s settings. <see cref="FullSweep"/> is how long a servo takes for 180 degrees:
/// after each move the controller waits <c>max(0.1 s, FullSweep * |change| / 180)</c> before the next one, as the
/// original pistreaming did (docs/pantilt.md), so a burst of moves collapses to the latest.
/// </summary>
internal sealed record PanTiltSettings(PanTiltMode Mode, PanTiltHatOptions Hat)
{
    public static PanTiltSettings None { get; } = new(PanTiltMode.None, PanTiltHatOptions.Default);

    public TimeSpan FullSweep { get; init; } = TimeSpan.FromSeconds(0.5);

    public TimeSpan MinimumSweep { get; init; } = TimeSpan.FromSeconds(0.1);
}
