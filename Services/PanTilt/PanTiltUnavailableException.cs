namespace PiStream.Services.PanTilt;

/// <summary>
/// The HAT cannot be used; the message names the fix. <see cref="DeviceMissing"/> is true when it was never reached
/// (no I2C bus, no permission, nothing at the address) and false when it stopped answering during use.
/// </summary>
internal sealed class PanTiltUnavailableException(string message, Exception? inner = null, bool deviceMissing = false) : IOException(message, inner)
{
    public bool DeviceMissing { get; } = deviceMissing;
}
