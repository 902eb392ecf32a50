using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PiStream.Services.Http;

namespace PiStream.Services.Security;

/// <summary>
/// Runs before every route, WebSocket upgrades included: without a login, the DNS-rebinding guard
/// (<see cref="HostNameCheck"/>); HTTP Basic login when users are configured (attempts limited per address,
/// few checks at a time, verified logins remembered); with or without a login, the cross-site guards for
/// WebSockets and for camera moves (<see cref="OriginPolicy"/>: another site's page must not watch or move
/// the camera through a viewer's browser); HEAD never acts on a control route; and <c>--read-only</c>.
/// </summary>
internal sealed class AccessGate(AccessSettings settings, FailedLoginLimiter limiter, VerifiedLogins verifiedLogins, ILogger<AccessGate> logger, LoginMetrics? metrics = null) : IDisposable
{
    public const string Realm = "pistream";

    private readonly OriginPolicy _origins = new(settings.AllowedOrigins);
    private readonly HostNameCheck _hostNames = new(settings.AllowedHosts);

    /// <summary>
    /// Password checks run at most two at a time, one on a two-core machine: a flood of wrong logins cannot
    /// take the CPU from the stream. Logins already verified never wait here (<see cref="VerifiedLogins"/>).
    /// </summary>
    private readonly SemaphoreSlim _verifying = new(Math.Clamp(Environment.ProcessorCount / 2, 1, 2));

    /// <summary>The container disposes the gate after the server has stopped taking requests.</summary>
    public void Dispose() => _verifying.Dispose();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var response = context.Response;
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (settings.Users is { } users)
        {
            var header = request.Headers.Authorization.ToString();
            if (!verifiedLogins.Contains(header) && !await LogInAsync(context, users, address, header))
            {
                return;
            }
        }
        else if (!_hostNames.IsAccepted(request, out var name))
        {
            logger.LogWarning("Refused a request for the host name {Name} from {Address} (--allowed-host)", name, address);
            response.StatusCode = StatusCodes.Status403Forbidden;
            await HttpResponses.WriteTextAsync(response, $"This camera does not answer to the name '{name}' without a login (a guard against DNS rebinding). If that is your name for it, start pistream with --allowed-host {name} (or open it by its IP address, or require a login with --auth-file).");
            return;
        }

        var control = context.IsControlRoute();
        if (control && _origins.IsCrossSite(request))
        {
            logger.LogWarning("Refused a camera move from {Address}: it came from another site's page ({Origin})", address, request.Headers.Origin.ToString());
            response.StatusCode = StatusCodes.Status403Forbidden;
            await HttpResponses.WriteTextAsync(response, "The camera can only be moved from this server's own page, a program that is not a browser page, or a page of an origin given with --allow-origin.");
            return;
        }

        if (context.WebSockets.IsWebSocketRequest && _origins.IsForeign(request))
        {
            logger.LogWarning("Refused a WebSocket from {Address}: its page came from {Origin}, not from this server", address, request.Headers.Origin.ToString());
            response.StatusCode = StatusCodes.Status403Forbidden;
            await HttpResponses.WriteTextAsync(response, "WebSocket connections are only accepted from this server's own page (or from an origin given with --allow-origin).");
            return;
        }

        if (settings.ReadOnly && control)
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            await HttpResponses.WriteTextAsync(response, "This camera is read-only (--read-only): it can be watched but not moved.");
            return;
        }

        if (control && HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET";
            await HttpResponses.WriteTextAsync(response, "HEAD does not move the camera: use GET.");
            return;
        }

        await next(context);
    }

    /// <summary>Checks a login that was not verified recently; false when the request was answered (401, 429 or 503).</summary>
    private async Task<bool> LogInAsync(HttpContext context, UserStore users, IPAddress address, string header)
    {
        var response = context.Response;
        if (header.Length == 0)
        {
            if (limiter.IsBlocked(address, out var blockedFor))
            {
                await TooManyAsync(response, address, blockedFor, busy: false);
                return false;
            }

            await ChallengeAsync(response);
            return false;
        }

        var attempt = limiter.TryBegin(address, out var retryAfter, out var busy);
        if (attempt is null)
        {
            await TooManyAsync(response, address, retryAfter, busy);
            return false;
        }

        var given = BasicCredentials.TryParse(header, out var user, out var password);
        if (given && !await _verifying.WaitAsync(TimeSpan.FromSeconds(5), context.RequestAborted))
        {
            FailedLoginLimiter.Abandoned(attempt);
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = "5";
            await HttpResponses.WriteTextAsync(response, "Busy checking other logins: try again in a few seconds.");
            return false;
        }

        bool verified;
        try
        {
            verified = given && users.Verify(user, password);
        }
        finally
        {
            if (given)
            {
                _verifying.Release();
            }
        }

        if (verified)
        {
            FailedLoginLimiter.Succeeded(attempt);
            verifiedLogins.Add(header);
            return true;
        }

        metrics?.Failed();
        if (limiter.Failed(attempt))
        {
            logger.LogWarning("Refusing {Address} for {Seconds:0} s after {Failures} failed logins", address, limiter.Window.TotalSeconds, limiter.MaxFailures);
        }

        await ChallengeAsync(response);
        return false;
    }

    private static Task ChallengeAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        return HttpResponses.WriteTextAsync(response, "This camera needs a user name and password.");
    }

    private static Task TooManyAsync(HttpResponse response, IPAddress address, TimeSpan retryAfter, bool busy)
    {
        var seconds = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return HttpResponses.WriteTextAsync(response, busy
            ? $"Another login from {address} is being checked: try again in {seconds:0} s."
            : $"Too many failed logins from {address}: try again in {seconds:0} s.");
    }
}
