namespace PiStream.Services.PanTilt;

/// <summary>The <c>panTilt</c> part of /api/status: which device, whether it is simulated, where it points, the last device error.</summary>
internal sealed record PanTiltStatus(string Kind, bool Simulated, string Device, Orientation Orientation, string? Error);
