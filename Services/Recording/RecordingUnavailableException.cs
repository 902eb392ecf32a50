namespace PiStream.Services.Recording;

/// <summary>Recording cannot start (the folder cannot be created or written, the disk is full); the message names the fix.</summary>
internal sealed class RecordingUnavailableException(string message) : Exception(message);
