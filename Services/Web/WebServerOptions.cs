using System.Net;

namespace PiStream.Services.Web;

/// <summary>
/// Where the server listens: <see cref="Bind"/> null means every interface; port 0 picks a free one.
/// A certificate and key (PEM files) turn on HTTPS and WSS on both ports; <see cref="RequestHeadersTimeout"/>
/// and <see cref="KeepAliveTimeout"/> close clients that send their headers too slowly or nothing at all (slowloris).
/// </summary>
internal sealed record WebServerOptions(IPAddress? Bind, int Port, int WebSocketPort)
{
    public string? TlsCertificate { get; init; }

    public string? TlsKey { get; init; }

    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a connection may sit idle between requests (or before its first byte) before it is closed.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool UsesTls => TlsCertificate is not null && TlsKey is not null;
}
