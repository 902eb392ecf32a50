using System.CommandLine;
using System.CommandLine.Parsing;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PiStream.Services.Security;

namespace PiStream.Commands;

/// <summary><c>serve</c>'s access options: login, read-only, the viewer cap and TLS (docs/security.md).</summary>
internal static class SecurityOptions
{
    private static readonly Option<KeyValuePair<string, PasswordHash>?> Auth = new("--auth")
    {
        HelpName = "USER:PASSWORD",
        Description = "Require this login, as USER:PASSWORD (visible to other local users in the process list: prefer --auth-file).",
        CustomParser = ParseAuth,
    };

    private static readonly Option<Dictionary<string, PasswordHash>?> AuthFile = new("--auth-file")
    {
        HelpName = "FILE",
        Description = "Require a login from this file: one user:hash per line, hashes made by 'pistream hash-password'.",
        CustomParser = ParseAuthFile,
    };

    private static readonly Option<bool> ReadOnly = new("--read-only")
    {
        Description = "Viewers can watch, nobody can move the camera (control routes answer 403).",
    };

    private static readonly Option<int> MaxViewers = CommonOptions.Ranged("--max-viewers", AccessSettings.DefaultMaxViewers, 1, 10_000, "Most viewers at once; one more gets 503 (1-10000).");

    private static readonly Option<string?> TlsCertificate = new("--tls-cert") { HelpName = "PEM", Description = "Serve HTTPS and WSS with this certificate (PEM file); needs --tls-key." };

    private static readonly Option<string?> TlsKey = new("--tls-key") { HelpName = "PEM", Description = "The private key (PEM file) of --tls-cert." };

    public static void AddTo(Command command)
    {
        command.Options.Add(Auth);
        command.Options.Add(AuthFile);
        command.Options.Add(ReadOnly);
        command.Options.Add(MaxViewers);
        command.Options.Add(TlsCertificate);
        command.Options.Add(TlsKey);
        command.Validators.Add(ValidateTls);
    }

    public static AccessSettings Read(ParseResult result)
    {
        var users = new Dictionary<string, PasswordHash>(StringComparer.Ordinal);
        foreach (var (user, hash) in result.GetValue(AuthFile) ?? [])
        {
            users[user] = hash;
        }

        if (result.GetValue(Auth) is { } plain)
        {
            users[plain.Key] = plain.Value;
        }

        return new AccessSettings(
            users.Count == 0 ? null : new UserStore(users),
            result.GetValue(ReadOnly),
            result.GetValue(MaxViewers),
            result.GetValue(TlsCertificate),
            result.GetValue(TlsKey));
    }

    private static KeyValuePair<string, PasswordHash>? ParseAuth(ArgumentResult result)
    {
        var text = ValueParsers.Token(result);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            result.AddError("--auth needs USER:PASSWORD, both non-empty, e.g. --auth viewer:long-secret (or use --auth-file).");
            return null;
        }

        return new(text[..colon], UserStore.PlainPassword(text[(colon + 1)..]));
    }

    private static Dictionary<string, PasswordHash>? ParseAuthFile(ArgumentResult result)
    {
        var users = new Dictionary<string, PasswordHash>(StringComparer.Ordinal);
        if (!Services.Security.AuthFile.TryRead(ValueParsers.Token(result), users, out var error))
        {
            result.AddError(error);
            return null;
        }

        return users;
    }

    private static void ValidateTls(CommandResult result)
    {
        var certificate = result.GetValue(TlsCertificate);
        var key = result.GetValue(TlsKey);
        if (certificate is null && key is null)
        {
            return;
        }

        if (certificate is null || key is null)
        {
            result.AddError("--tls-cert and --tls-key go together: give both PEM files (e.g. from certbot, or: openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 365 -subj /CN=my-pi).");
            return;
        }

        try
        {
            using var loaded = X509Certificate2.CreateFromPemFile(certificate, key);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            result.AddError($"--tls-cert '{certificate}' with --tls-key '{key}' cannot be loaded ({e.Message}): give a PEM certificate and its matching PEM private key.");
        }
    }
}
