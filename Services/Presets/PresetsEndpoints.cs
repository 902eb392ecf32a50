using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PiStream.Services.Http;
using PiStream.Services.PanTilt;

namespace PiStream.Services.Presets;

/// <summary>
/// Named camera positions: <c>GET /api/presets</c>, <c>GET|PUT|DELETE /api/presets/{name}</c> and
/// <c>POST /api/presets/{name}/go</c>. Changes are control routes (403 under <c>--read-only</c>); a bad name is a 400
/// before anything else, an unknown one a 404, and saving or going without a pan-tilt device a 503.
/// </summary>
internal static class PresetsEndpoints
{
    private static readonly string[] Changes = [HttpMethods.Put, HttpMethods.Delete, HttpMethods.Post, HttpMethods.Patch];

    public static IEndpointRouteBuilder MapPresets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/api/presets", HttpResponses.Reads, ListAsync);
        endpoints.MapMethods("/api/presets", Changes, context => NotAllowedAsync(context, "GET, HEAD")).AsControlRoute();
        endpoints.MapMethods("/api/presets/{name}", HttpResponses.Reads, WithName(GetAsync));
        endpoints.MapMethods("/api/presets/{name}", [HttpMethods.Put], WithName(SaveAsync)).AsControlRoute();
        endpoints.MapMethods("/api/presets/{name}", [HttpMethods.Delete], WithName(DeleteAsync)).AsControlRoute();
        endpoints.MapMethods("/api/presets/{name}", [HttpMethods.Post, HttpMethods.Patch], context => NotAllowedAsync(context, "GET, HEAD, PUT, DELETE")).AsControlRoute();
        endpoints.MapMethods("/api/presets/{name}/go", [HttpMethods.Post], WithName(GoAsync)).AsControlRoute();
        endpoints.Map("/api/presets/{name}/go", context => NotAllowedAsync(context, "POST")).AsControlRoute();
        return endpoints;
    }

    /// <summary>
    /// A plain <see cref="RequestDelegate"/> that hands the route's <c>{name}</c> to <paramref name="handler"/>: a handler
    /// with more parameters than the context would go through ASP.NET's request delegate factory, which compiles
    /// expression trees at start-up (about 1 MB more resident memory for four routes).
    /// </summary>
    private static RequestDelegate WithName(Func<HttpContext, string, Task> handler) =>
        context => handler(context, context.Request.RouteValues["name"] as string ?? "");

    private static Task ListAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return HttpResponses.WriteJsonAsync(context.Response, Store(context).List(), PresetsJsonContext.Default.IReadOnlyListPreset);
    }

    private static Task GetAsync(HttpContext context, string name)
    {
        if (!TryName(context, name, out var problem))
        {
            return problem;
        }

        context.Response.Headers.CacheControl = "no-store";
        return Store(context).Find(name) is { } preset ? HttpResponses.WriteJsonAsync(context.Response, preset, PresetsJsonContext.Default.Preset) : UnknownAsync(context, name);
    }

    private static Task SaveAsync(HttpContext context, string name)
    {
        if (!TryName(context, name, out var problem))
        {
            return problem;
        }

        if (Controller(context) is not { } controller)
        {
            return NoPanTiltAsync(context);
        }

        var orientation = controller.Orientation;
        var preset = new Preset(name, orientation.Pan ?? 0, orientation.Tilt ?? 0);
        try
        {
            Store(context).Save(preset);
        }
        catch (PresetStoreException e)
        {
            context.Response.StatusCode = e.IsFull ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError;
            return HttpResponses.WriteTextAsync(context.Response, e.Message);
        }

        context.RequestServices.GetRequiredService<PresetEvents>().Publish();
        return HttpResponses.WriteJsonAsync(context.Response, preset, PresetsJsonContext.Default.Preset);
    }

    private static Task DeleteAsync(HttpContext context, string name)
    {
        if (!TryName(context, name, out var problem))
        {
            return problem;
        }

        try
        {
            if (!Store(context).Delete(name))
            {
                return UnknownAsync(context, name);
            }
        }
        catch (PresetStoreException e)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return HttpResponses.WriteTextAsync(context.Response, e.Message);
        }

        context.RequestServices.GetRequiredService<PresetEvents>().Publish();
        return HttpResponses.WriteTextAsync(context.Response, $"Deleted preset {name}.");
    }

    private static Task GoAsync(HttpContext context, string name)
    {
        if (!TryName(context, name, out var problem))
        {
            return problem;
        }

        if (Controller(context) is not { } controller)
        {
            return NoPanTiltAsync(context);
        }

        if (Store(context).Find(name) is not { } preset)
        {
            return UnknownAsync(context, name);
        }

        context.Response.Headers.CacheControl = "no-store";
        return HttpResponses.WriteJsonAsync(context.Response, controller.Request(new Orientation(preset.Pan, preset.Tilt)), PanTiltJsonContext.Default.Orientation);
    }

    private static bool TryName(HttpContext context, string name, out Task problem)
    {
        problem = Task.CompletedTask;
        if (PresetName.Check(name) is not { } error)
        {
            return true;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        problem = HttpResponses.WriteTextAsync(context.Response, error);
        return false;
    }

    private static PresetStore Store(HttpContext context) => context.RequestServices.GetRequiredService<PresetStore>();

    private static PanTiltController? Controller(HttpContext context) => context.RequestServices.GetRequiredService<PanTiltHost>().Controller;

    private static Task UnknownAsync(HttpContext context, string name)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return HttpResponses.WriteTextAsync(context.Response, $"No preset named '{name}': GET /api/presets lists them.");
    }

    private static Task NoPanTiltAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return HttpResponses.WriteTextAsync(context.Response, "No pan-tilt device: attach a Pimoroni Pan-Tilt HAT and enable I2C (sudo raspi-config nonint do_i2c 0).");
    }

    private static Task NotAllowedAsync(HttpContext context, string allow)
    {
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = allow;
        return HttpResponses.WriteTextAsync(context.Response, $"{context.Request.Method} is not allowed here: use {allow}.");
    }
}
