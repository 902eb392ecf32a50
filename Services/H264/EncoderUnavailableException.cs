namespace PiStream.Services.H264;

/// <summary>The asked-for live codec or encoder cannot run here; the message names the fix.</summary>
internal sealed class EncoderUnavailableException(string message) : Exception(message);
