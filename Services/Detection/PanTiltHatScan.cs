namespace PiStream.Services.Detection;

/// <summary>
/// Whether a Pan-Tilt HAT answers at <see cref="Address"/> on <see cref="BusPath"/>, and the angles
/// its servo registers hold (null when a register holds no pulse width, e.g. never set since power-on).
/// <see cref="Error"/> says why the bus could not be asked (missing, permission denied, no answer).
/// </summary>
internal sealed record PanTiltHatScan(int Bus, string BusPath, int Address, bool BusPresent, bool Answers, int? PanDegrees, int? TiltDegrees, string? Error);
