namespace PiStream.Services.Web;

/// <summary>A port pistream was told to listen on is taken; the message names it and the option to change.</summary>
internal sealed class PortInUseException(string message, Exception inner) : Exception(message, inner);
