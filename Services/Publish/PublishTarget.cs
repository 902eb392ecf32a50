using PiStream.Services.Secrets;

namespace PiStream.Services.Publish;

/// <summary>One media server <c>serve --publish</c> pushes the stream to. <see cref="Url"/> may hold a secret: show <see cref="MaskedUrl"/>.</summary>
internal sealed record PublishTarget(string Url, PublishScheme Scheme)
{
    /// <summary>The URL as logs, <c>/api/status</c>, metrics and errors show it: password, stream key and secret parameters masked.</summary>
    public string MaskedUrl => SecretMasker.Hide(Url);

    /// <summary>Never the secret: records print themselves in logs and assertions.</summary>
    public override string ToString() => MaskedUrl;

    /// <summary>
    /// Reads <paramref name="text"/> as a publish URL: an absolute rtmp, rtmps, rtsp or srt URL with a host.
    /// On failure <paramref name="error"/> says what is wrong and how to fix it, without repeating any secret.
    /// </summary>
    public static bool TryParse(string text, out PublishTarget? target, out string error)
    {
        target = null;
        var trimmed = text.Trim();
        var masked = SecretMasker.Hide(trimmed);
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || trimmed.Any(char.IsWhiteSpace))
        {
            error = $"'{masked}' is not a URL: use e.g. rtmp://server/live/stream, rtsp://server:8554/cam or srt://server:8890?streamid=publish:cam.";
            return false;
        }

        PublishScheme? scheme = uri.Scheme switch
        {
            "rtmp" => PublishScheme.Rtmp,
            "rtmps" => PublishScheme.Rtmps,
            "rtsp" => PublishScheme.Rtsp,
            "srt" => PublishScheme.Srt,
            _ => null,
        };
        if (scheme is null)
        {
            error = $"'{masked}' uses {uri.Scheme}://, which cannot be published to: use rtmp://, rtmps://, rtsp:// or srt://.";
            return false;
        }

        if (uri.Host.Length == 0)
        {
            error = $"'{masked}' names no server: use e.g. {uri.Scheme}://server/live/stream.";
            return false;
        }

        if (scheme is PublishScheme.Rtmp or PublishScheme.Rtmps && uri.AbsolutePath.Trim('/').Length == 0)
        {
            error = $"'{masked}' has no application and stream name: use e.g. {uri.Scheme}://{uri.Authority}/live/stream.";
            return false;
        }

        if (scheme is PublishScheme.Srt && uri.Port <= 0)
        {
            error = $"'{masked}' has no port: SRT needs one, use e.g. srt://{uri.Host}:8890?streamid=publish:cam.";
            return false;
        }

        target = new PublishTarget(trimmed, scheme.Value);
        error = "";
        return true;
    }
}
