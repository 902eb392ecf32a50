using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PiStream.Services.Http;

namespace PiStream.Services.Security;

/// <summary>
/// Runs before every route, WebSocket upgrades included: HTTP Basic login when users are configured
/// (failed attempts limited per address, checks run two at a time), the cross-site guards for WebSockets
/// and for camera moves (a browser's saved password must not let another site's page move the camera),
/// and <c>--read-only</c> for the endpoints marked <see cref="ControlRouteMetadata"/>.
/// </summary>
internal sealed class AccessGate(AccessSettings settings, FailedLoginLimiter limiter, ILogger<AccessGate> logger, LoginMetrics? metrics = null)
{
    public const string Realm = "pistream";

    /// <summary>Password checks run two at a time: a flood of wrong logins cannot take the CPU from the stream.</summary>
    private readonly SemaphoreSlim _verifying = new(2);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var response = context.Response;
        if (settings.Users is { } users)
        {
            var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
            if (limiter.IsBlocked(address, out var retryAfter))
            {
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await HttpResponses.WriteTextAsync(response, $"Too many failed logins from {address}: try again in {Math.Ceiling(retryAfter.TotalSeconds):0} s.");
                return;
            }

            var header = request.Headers.Authorization.ToString();
            var given = BasicCredentials.TryParse(header, out var user, out var password);
            if (given && !await _verifying.WaitAsync(TimeSpan.FromSeconds(5), context.RequestAborted))
            {
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                response.Headers.RetryAfter = "5";
                await HttpResponses.WriteTextAsync(response, "Busy checking other logins: try again in a few seconds.");
                return;
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

            if (!verified)
            {
                if (header.Length > 0)
                {
                    metrics?.Failed();
                }

                if (header.Length > 0 && limiter.RecordFailure(address))
                {
                    logger.LogWarning("Refusing {Address} for {Seconds:0} s after {Failures} failed logins", address, limiter.Window.TotalSeconds, limiter.MaxFailures);
                }

                response.StatusCode = StatusCodes.Status401Unauthorized;
                response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
                await HttpResponses.WriteTextAsync(response, "This camera needs a user name and password.");
                return;
            }

            if (context.IsControlRoute() && OriginCheck.IsCrossSite(request))
            {
                logger.LogWarning("Refused a camera move from {Address}: it came from another site's page ({Origin})", address, request.Headers.Origin.ToString());
                response.StatusCode = StatusCodes.Status403Forbidden;
                await HttpResponses.WriteTextAsync(response, "The camera can only be moved from this server's own page (or from a program that is not a browser page).");
                return;
            }

            if (context.WebSockets.IsWebSocketRequest && OriginCheck.IsForeign(request))
            {
                logger.LogWarning("Refused a WebSocket from {Address}: its page came from {Origin}, not from this server", address, request.Headers.Origin.ToString());
                response.StatusCode = StatusCodes.Status403Forbidden;
                await HttpResponses.WriteTextAsync(response, "WebSocket connections are only accepted from this server's own page.");
                return;
            }
        }

        if (settings.ReadOnly && context.IsControlRoute())
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            await HttpResponses.WriteTextAsync(response, "This camera is read-only (--read-only): it can be watched but not moved.");
            return;
        }

        await next(context);
    }
}
