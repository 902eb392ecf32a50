using Microsoft.AspNetCore.Http;

namespace PiStream.Services.Security;

/// <summary>
/// Protective headers on every answer: no MIME sniffing, no referrer to other sites, a Content-Security-Policy
/// that lets the page load only its own scripts (WebAssembly and blob: media/workers allowed for the players),
/// connect only to this server's WebSockets, and be framed only by itself; HSTS when TLS is on.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "media-src 'self' blob:; worker-src 'self' blob:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'self'";

    /// <summary>Half a year. Browsers ignore HSTS for IP addresses and for certificates they do not trust.</summary>
    public const string StrictTransportSecurity = "max-age=15552000";

    /// <summary>A middleware that sets the headers before anything else answers.</summary>
    public static Func<HttpContext, RequestDelegate, Task> Middleware(bool usesTls) => (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        if (usesTls)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }

        return next(context);
    };
}
