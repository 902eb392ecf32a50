using System.Net;

namespace PiStream.Services.PanTilt;

/// <summary>A running <c>pistream serve</c> refused a move: 400 for a bad angle, 503 when it has no pan-tilt device.</summary>
internal sealed class PanTiltRequestException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
