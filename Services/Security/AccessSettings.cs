namespace PiStream.Services.Security;

/// <summary>
/// Who may watch and who may move the camera: <see cref="Users"/> null means no login;
/// <see cref="ReadOnly"/> refuses every control route; <see cref="MaxViewers"/> caps the WebSocket
/// viewers; a certificate and key (PEM files) turn on HTTPS and WSS.
/// </summary>
internal sealed record AccessSettings(UserStore? Users, bool ReadOnly, int MaxViewers, string? TlsCertificate, string? TlsKey)
{
    public const int DefaultMaxViewers = 32;

    public static AccessSettings Open { get; } = new(null, false, DefaultMaxViewers, null, null);

    public bool UsesTls => TlsCertificate is not null && TlsKey is not null;
}
