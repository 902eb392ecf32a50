using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PiStream.Tests.Support;

/// <summary>A throwaway certificate for 127.0.0.1 and localhost, written as PEM files the way certbot or openssl leave them.</summary>
internal sealed class SelfSignedCertificate : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pistream-tls-").FullName;

    public SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=pistream test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        Thumbprint = certificate.Thumbprint;
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public string CertificatePath => Path.Combine(_folder, "cert.pem");

    public string KeyPath => Path.Combine(_folder, "key.pem");

    public string Thumbprint { get; }

    /// <summary>Trusts exactly this certificate (for HttpClient and ClientWebSocket).</summary>
    public bool Trusts(X509Certificate? presented) =>
        presented is not null && string.Equals(new X509Certificate2(presented).Thumbprint, Thumbprint, StringComparison.OrdinalIgnoreCase);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
