namespace PiStream.Services.Encoding;

/// <summary>ffmpeg is not installed; the message is the install command.</summary>
internal sealed class FfmpegNotFoundException(string message) : Exception(message);
