namespace PiStream.Services.Capture;

/// <summary>The chosen capture source cannot be used on this machine; the message names the fix.</summary>
internal sealed class CaptureUnavailableException(string message) : Exception(message);
