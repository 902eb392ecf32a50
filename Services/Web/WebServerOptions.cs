using System.Net;

namespace PiStream.Services.Web;

/// <summary>Where the server listens: <see cref="Bind"/> null means every interface; port 0 picks a free one.</summary>
internal sealed record WebServerOptions(IPAddress? Bind, int Port, int WebSocketPort);
