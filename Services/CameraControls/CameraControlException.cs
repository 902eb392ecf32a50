namespace PiStream.Services.CameraControls;

/// <summary>
/// A camera control could not be applied; the message names the fix. <see cref="ToolMissing"/>: v4l2-ctl is not
/// installed (exit 3); otherwise the device refused a value (exit 2).
/// </summary>
internal sealed class CameraControlException(string message, bool toolMissing) : Exception(message)
{
    public bool ToolMissing { get; } = toolMissing;
}
