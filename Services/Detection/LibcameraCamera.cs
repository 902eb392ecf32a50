using PiStream.Services.CameraControls;

namespace PiStream.Services.Detection;

/// <summary>One camera as <c>rpicam-hello --list-cameras</c> lists it; <see cref="Controls"/> says which camera-control options apply to its sensor.</summary>
internal sealed record LibcameraCamera(int Index, string Sensor, int MaxWidth, int MaxHeight, string? DevicePath, IReadOnlyList<SensorMode> Modes)
{
    public PiCameraControls Controls => PiCameraControls.ForSensor(Sensor);
}
