namespace PiStream.Services.Capture;

/// <summary>A capture source ended on its own (its process exited, its file could not be read).</summary>
internal sealed class CaptureStoppedException(string message) : Exception(message);
