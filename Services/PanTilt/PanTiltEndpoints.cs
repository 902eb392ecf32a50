using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PiStream.Services.Aiming;
using PiStream.Services.Http;

namespace PiStream.Services.PanTilt;

/// <summary>
/// <c>/do_orient?pan=P&amp;tilt=T</c> (pistreaming's API: moves on GET) and <c>GET /api/orientation</c>. A bad value is
/// a 400 (<see cref="OrientQuery"/>) before anything is queued, with or without a device; without one a good
/// request is a 503 naming the fix; a move answers 200 at once with the new target while the servos move.
/// </summary>
internal static class PanTiltEndpoints
{
    public static IEndpointRouteBuilder MapPanTilt(this IEndpointRouteBuilder endpoints)
    {
        // Every method of /do_orient is a control route, so --read-only refuses even the ones that would be a 405.
        endpoints.Map("/do_orient", OrientAsync).AsControlRoute();
        endpoints.MapMethods("/api/orientation", HttpResponses.Reads, ReadAsync);
        return endpoints;
    }

    private static Task OrientAsync(HttpContext context)
    {
        if (!HttpResponses.IsRead(context.Request))
        {
            return HttpResponses.MethodNotAllowedAsync(context);
        }

        if (!OrientQuery.TryParse(context.Request.Query, out var query, out var error))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return HttpResponses.WriteTextAsync(context.Response, error);
        }

        if (context.RequestServices.GetRequiredService<PanTiltHost>().Controller is not { } controller)
        {
            return NoPanTiltAsync(context);
        }

        context.Response.Headers.CacheControl = "no-store";
        if (query!.Point is { } point)
        {
            // Click-to-point without a field of view (a lens-dependent or unknown camera) would turn to the wrong spot.
            if (context.RequestServices.GetRequiredService<Aim>().FieldOfView is not { } fieldOfView)
            {
                context.Response.StatusCode = StatusCodes.Status409Conflict;
                return HttpResponses.WriteTextAsync(context.Response, "Click-to-point is off: " + context.RequestServices.GetRequiredService<Aim>().Source + ".");
            }

            var (panBy, tiltBy) = AimPoint.Offset(point.X, point.Y, fieldOfView);
            return HttpResponses.WriteJsonAsync(context.Response, controller.RequestBy(panBy, tiltBy), PanTiltJsonContext.Default.Orientation);
        }

        return HttpResponses.WriteJsonAsync(context.Response, query.IsRelative ? controller.RequestBy(query.PanBy, query.TiltBy) : controller.Request(query.Orientation), PanTiltJsonContext.Default.Orientation);
    }

    private static Task ReadAsync(HttpContext context)
    {
        if (context.RequestServices.GetRequiredService<PanTiltHost>().Controller is not { } controller)
        {
            return NoPanTiltAsync(context);
        }

        context.Response.Headers.CacheControl = "no-store";
        return HttpResponses.WriteJsonAsync(context.Response, controller.Orientation, PanTiltJsonContext.Default.Orientation);
    }

    private static Task NoPanTiltAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return HttpResponses.WriteTextAsync(context.Response, "No pan-tilt device: attach a Pimoroni Pan-Tilt HAT and enable I2C (sudo raspi-config nonint do_i2c 0).");
    }
}
