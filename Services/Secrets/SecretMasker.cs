using System.Text.RegularExpressions;

namespace PiStream.Services.Secrets;

/// <summary>
/// Hides credentials in URLs and command lines before they reach a log, <c>/api/status</c>, a metric or an
/// error message: the password of <c>scheme://user:password@host</c> (the user name stays, so a person can
/// still tell which account is meant), the stream key of an <c>rtmp://host/app/KEY</c> URL, secret query
/// parameters (<c>?key=</c>, <c>token=</c>, <c>passphrase=</c>, ...), <c>Authorization:</c> header values
/// and <c>--password VALUE</c>-style options. Each becomes <see cref="Mask"/>. Text without any stays as it is.
/// </summary>
internal static partial class SecretMasker
{
    public const string Mask = "***";

    /// <summary><paramref name="text"/> (a URL, a command line or a line a program printed) with every credential in it masked.</summary>
    public static string Hide(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var masked = UserInfo().Replace(text, "${scheme}${user}:" + Mask + "@");
        masked = StreamKey().Replace(masked, "${prefix}" + Mask);
        masked = SecretParameter().Replace(masked, "${name}" + Mask);
        masked = AuthorizationHeader().Replace(masked, "${name}" + Mask);
        return SecretOption().Replace(masked, "${name}" + Mask);
    }

    /// <summary><c>scheme://user:password@</c>: the password runs to the last '@' before the path.</summary>
    [GeneratedRegex(@"(?<scheme>\b[a-zA-Z][a-zA-Z0-9+.\-]*://)(?<user>[^:@/\s]*):(?<password>[^/\s]*)@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    /// <summary>RTMP(S) publishing: <c>rtmp://host[:port]/app/STREAM-KEY</c>.</summary>
    [GeneratedRegex(@"(?<prefix>\brtmps?://[^/\s]+/[^/\s?]+/)(?<key>[^\s?#""']+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StreamKey();

    [GeneratedRegex(@"(?<name>[?&;](?:key|stream_?key|token|access_token|auth|password|passwd|pass|pwd|secret|passphrase|sig|signature|api_?key)=)(?<value>[^&;\s""'#]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretParameter();

    [GeneratedRegex(@"(?<name>\bAuthorization:\s*(?:[A-Za-z]+\s+)?)(?<value>[^\s""'\\]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(?<name>(?<![\w-])--?(?:password|passwd|passphrase|pass|token|secret|stream-?key|api-?key)(?:=|\s+))(?<value>[^\s""']+|""[^""]*""|'[^']*')", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretOption();
}
