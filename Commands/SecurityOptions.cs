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

    private static readonly Option<int> MaxViewersPerAddress = CommonOptions.Ranged(
        "--max-viewers-per-address", AccessSettings.DefaultMaxViewersPerAddress, 1, 10_000, "Most viewers at once from one address (an IPv6 /64); this machine's own address is not capped (1-10000).");

    private static readonly Option<string[]> AllowOrigin = new("--allow-origin")
    {
        HelpName = "ORIGIN",
        Description = "Also let pages from this origin (e.g. https://dashboard.home.lan:8443) open the stream and move the camera; repeatable.",
        CustomParser = result => ParseEach(result, OriginText),
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string[]> AllowedHost = new("--allowed-host")
    {
        HelpName = "NAME",
        Description = "Also accept requests for this host name (e.g. camera.home.lan) without a login; IP addresses, localhost and this machine's names always work. Repeatable.",
        CustomParser = result => ParseEach(result, HostText),
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string?> TlsCertificate = new("--tls-cert") { HelpName = "PEM", Description = "Serve HTTPS and WSS with this certificate (PEM file); needs --tls-key." };

    private static readonly Option<string?> TlsKey = new("--tls-key") { HelpName = "PEM", Description = "The private key (PEM file) of --tls-cert." };

    public static void AddTo(Command command)
    {
        command.Options.Add(Auth);
        command.Options.Add(AuthFile);
        command.Options.Add(ReadOnly);
        command.Options.Add(MaxViewers);
        command.Options.Add(MaxViewersPerAddress);
        command.Options.Add(AllowOrigin);
        command.Options.Add(AllowedHost);
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
            result.GetValue(TlsKey))
        {
            MaxViewersPerAddress = result.GetValue(MaxViewersPerAddress),
            AllowedOrigins = result.GetValue(AllowOrigin) ?? [],
            AllowedHosts = result.GetValue(AllowedHost) ?? [],
        };
    }

    private static string[] ParseEach(ArgumentResult result, Func<string, string?> parse)
    {
        var values = new List<string>();
        foreach (var token in result.Tokens)
        {
            if (parse(token.Value) is { } value)
            {
                values.Add(value);
            }
            else
            {
                result.AddError(result.Parent is OptionResult { Option.Name: "--allow-origin" }
                    ? $"--allow-origin '{token.Value}' is not an origin: give scheme://host[:port] with no path, e.g. --allow-origin https://dashboard.home.lan:8443"
                    : $"--allowed-host '{token.Value}' is not a host name: give a name such as camera.home.lan (IP addresses need no option)");
                return [];
            }
        }

        return [.. values];
    }

    /// <summary>The normalised origin (<c>scheme://host:port</c>, lower case) of an http(s) URL without a path; null otherwise.</summary>
    private static string? OriginText(string text)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return null;
        }

        return OriginPolicy.Origin(uri.Scheme, uri.Host, uri.Port);
    }

    /// <summary>A DNS name (letters, digits, hyphens, dots; no label starting or ending with a hyphen), lower case; null otherwise.</summary>
    private static string? HostText(string text)
    {
        var name = text.Trim().TrimEnd('.').ToLowerInvariant();
        return name.Length is > 0 and <= 253 && Uri.CheckHostName(name) == UriHostNameType.Dns
            && name.Split('.').All(label => label.Length is > 0 and <= 63 && !label.StartsWith('-') && !label.EndsWith('-') && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            ? name
            : null;
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
