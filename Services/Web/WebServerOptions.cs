using System.Net;
using PiStream.Services.Security;

namespace PiStream.Services.Web;

/// <summary>
/// Where the server listens: <see cref="Bind"/> null means every interface; port 0 picks a free one.
/// <see cref="Access"/> adds login, read-only, the viewer cap and TLS; <see cref="RequestHeadersTimeout"/>
/// and <see cref="KeepAliveTimeout"/> close clients that send their headers too slowly or nothing at all (slowloris).
/// </summary>
internal sealed record WebServerOptions(IPAddress? Bind, int Port, int WebSocketPort)
{
    public AccessSettings Access { get; init; } = AccessSettings.Open;

    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a connection may sit idle between requests (or before its first byte) before it is closed.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
