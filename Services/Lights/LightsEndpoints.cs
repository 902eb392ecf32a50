using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PiStream.Services.Http;

namespace PiStream.Services.Lights;

/// <summary>
/// pistreaming's <c>/do_light?N=R,G,B,W</c> (changes the lights on GET) and <c>GET /api/lights</c>. A bad query is a 400
/// (<see cref="LightQuery"/>) before anything changes, with or without a HAT; without one a good request is a 503.
/// </summary>
internal static class LightsEndpoints
{
    private static readonly string[] Writes = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    public static IEndpointRouteBuilder MapLights(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/do_light", SetAsync).AsControlRoute();
        endpoints.MapMethods("/api/lights", HttpResponses.Reads, ReadAsync);
        endpoints.MapMethods("/api/lights", Writes, HttpResponses.MethodNotAllowedAsync).AsControlRoute();
        return endpoints;
    }

    private static Task SetAsync(HttpContext context)
    {
        if (!HttpResponses.IsRead(context.Request))
        {
            return HttpResponses.MethodNotAllowedAsync(context);
        }

        var host = context.RequestServices.GetRequiredService<LightsHost>();
        if (!LightQuery.TryParse(context.Request.QueryString.Value, host.Settings.Count, out var changes, out var error))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return HttpResponses.WriteTextAsync(context.Response, error);
        }

        if (host.Controller is not { } controller)
        {
            return NoLightsAsync(context);
        }

        context.Response.Headers.CacheControl = "no-store";
        return HttpResponses.WriteJsonAsync(context.Response, LightsDocument.From(controller.Request(changes)), LightsJsonContext.Default.LightsDocument);
    }

    private static Task ReadAsync(HttpContext context)
    {
        if (context.RequestServices.GetRequiredService<LightsHost>().Controller is not { } controller)
        {
            return NoLightsAsync(context);
        }

        context.Response.Headers.CacheControl = "no-store";
        return HttpResponses.WriteJsonAsync(context.Response, LightsDocument.From(controller.Colors), LightsJsonContext.Default.LightsDocument);
    }

    private static Task NoLightsAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return HttpResponses.WriteTextAsync(context.Response, "No lights: they hang off a Pimoroni Pan-Tilt HAT, and none is attached (serve --pantilt; enable I2C with sudo raspi-config nonint do_i2c 0).");
    }
}
