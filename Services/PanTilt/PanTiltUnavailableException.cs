namespace PiStream.Services.PanTilt;

/// <summary>The HAT cannot be used (no I2C bus, no permission, nothing at the address, or it stopped answering); the message names the fix.</summary>
internal sealed class PanTiltUnavailableException(string message, Exception? inner = null) : IOException(message, inner);
