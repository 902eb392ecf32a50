using System.Text;

namespace PiStream.Services.Security;

/// <summary>The user and password of an HTTP <c>Authorization: Basic</c> header (RFC 7617, UTF-8).</summary>
internal static class BasicCredentials
{
    private const int MaxHeaderLength = 1024;

    public static bool TryParse(string? header, out string user, out string password)
    {
        user = "";
        password = "";
        if (header is null || header.Length > MaxHeaderLength || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var encoded = header.AsSpan(6).Trim();
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64Chars(encoded, bytes, out var length))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        user = decoded[..colon];
        password = decoded[(colon + 1)..];
        return true;
    }
}
