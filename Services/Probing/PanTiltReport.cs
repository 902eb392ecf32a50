using PiStream.Services.Detection;

namespace PiStream.Services.Probing;

/// <summary>The I2C buses present and what answered at the HAT's address.</summary>
internal sealed record PanTiltReport(IReadOnlyList<string> I2cBuses, PanTiltHatScan Hat);
