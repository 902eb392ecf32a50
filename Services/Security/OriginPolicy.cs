using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PiStream.Services.Security;

/// <summary>
/// Which web pages may use this server from a browser, with or without a login: pages of this host (any
/// port, so a page served on the HTTP port may open pistreaming's WebSocket port, and pistreaming's own page
/// from another port keeps working) and the origins given with <c>--allow-origin</c>. Programs that are not
/// browser pages send neither <c>Origin</c> nor <c>Sec-Fetch-Site</c> and pass.
/// </summary>
internal sealed class OriginPolicy(IReadOnlyList<string> allowedOrigins)
{
    /// <summary>The text form an origin is compared in: <c>scheme://host:port</c>, lower case, IPv6 in brackets.</summary>
    public static string Origin(string scheme, string host, int port)
    {
        var name = host.Trim('[', ']').ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"{scheme.ToLowerInvariant()}://{(name.Contains(':', StringComparison.Ordinal) ? $"[{name}]" : name)}:{port}");
    }

    /// <summary>
    /// True when a WebSocket upgrade (or any request) names an <c>Origin</c> that is neither this host nor an
    /// allowed origin. Browsers always send Origin on WebSocket upgrades; a missing one is a program.
    /// </summary>
    public bool IsForeign(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return true; // "null" (a sandboxed frame, a file: page) or garbage
        }

        return !IsThisHost(request, uri.Host) && !IsAllowed(uri);
    }

    /// <summary>
    /// True when a browser says a request comes from another site's page: <c>Sec-Fetch-Site</c> other than
    /// same-origin or none (typed or bookmarked), unless its Origin is this host (another port) or allowed; from
    /// browsers that do not send Sec-Fetch-Site, a foreign <c>Origin</c>. Programs send neither and pass.
    /// </summary>
    public bool IsCrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length == 0)
        {
            return IsForeign(request);
        }

        if (fetchSite is "same-origin" or "none")
        {
            return false;
        }

        // same-site or cross-site: fine only from a page of this host or an allowed origin, which the browser names.
        return request.Headers.Origin.ToString().Length == 0 || IsForeign(request);
    }

    private static bool IsThisHost(HttpRequest request, string originHost) =>
        request.Host.HasValue && string.Equals(originHost.Trim('[', ']'), request.Host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase);

    private bool IsAllowed(Uri origin) =>
        allowedOrigins.Count > 0 && allowedOrigins.Contains(Origin(origin.Scheme, origin.Host, origin.Port), StringComparer.Ordinal);
}
