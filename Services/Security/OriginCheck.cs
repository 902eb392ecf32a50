using Microsoft.AspNetCore.Http;

namespace PiStream.Services.Security;

/// <summary>
/// Cross-site WebSocket hijacking guard: a browser always sends <c>Origin</c> on a WebSocket upgrade,
/// so an upgrade whose Origin names another host:port than the request's <c>Host</c> came from
/// another site's page (which would otherwise ride on the user's saved password).
/// </summary>
internal static class OriginCheck
{
    public static bool IsForeign(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return true;
        }

        var host = request.Host;
        if (!host.HasValue)
        {
            return true;
        }

        var hostPort = host.Port ?? (request.IsHttps ? 443 : 80);
        return !string.Equals(uri.Host.Trim('[', ']'), host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase) || uri.Port != hostPort;
    }

    /// <summary>
    /// True when a browser says the request comes from another site's page: <c>Sec-Fetch-Site</c> other than
    /// same-origin or none (typed or bookmarked), or, from browsers that do not send it, a foreign <c>Origin</c>.
    /// Programs such as <c>pistream orient --server</c> send neither and pass.
    /// </summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is not ("same-origin" or "none");
        }

        return IsForeign(request);
    }
}
