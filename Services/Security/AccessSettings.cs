namespace PiStream.Services.Security;

/// <summary>
/// Who may watch and who may move the camera: <see cref="Users"/> null means no login;
/// <see cref="ReadOnly"/> refuses every control route; <see cref="MaxViewers"/> caps the WebSocket
/// viewers (and <see cref="MaxViewersPerAddress"/> those of one address); a certificate and key (PEM files) turn on HTTPS and WSS.
/// </summary>
internal sealed record AccessSettings(UserStore? Users, bool ReadOnly, int MaxViewers, string? TlsCertificate, string? TlsKey)
{
    public const int DefaultMaxViewers = 32;

    public const int DefaultMaxViewersPerAddress = 8;

    /// <summary>Most viewers from one address (an IPv6 client by its /64); this machine's own address is not capped.</summary>
    public int MaxViewersPerAddress { get; init; } = DefaultMaxViewersPerAddress;

    /// <summary>Origins (<c>scheme://host[:port]</c>) besides this server's own whose pages may open the stream and move the camera (<c>--allow-origin</c>).</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Host names besides IP literals, localhost and this machine's own names that browsers may use to reach the server without a login (<c>--allowed-host</c>).</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    public static AccessSettings Open { get; } = new(null, false, DefaultMaxViewers, null, null);

    public bool UsesTls => TlsCertificate is not null && TlsKey is not null;
}
