namespace PiStream.Services.Detection;

/// <summary>One camera as <c>rpicam-hello --list-cameras</c> lists it.</summary>
internal sealed record LibcameraCamera(int Index, string Sensor, int MaxWidth, int MaxHeight, string? DevicePath, IReadOnlyList<SensorMode> Modes);
