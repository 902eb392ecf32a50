namespace PiStream.Services.Configuration;

/// <summary>The settings file cannot be used (missing, unreadable, not JSON, a key that is not a single value); the message names the file and the fix.</summary>
internal sealed class SettingsFileException(string message) : Exception(message);
