using Microsoft.AspNetCore.Http;
using PiStream.Services.PanTilt;

namespace PiStream.Services.Web;

/// <summary>
/// /do_orient and /api/orientation with a device attached. <see cref="StreamRoutes"/> has already checked the
/// query (<see cref="OrientQuery"/>: 400 for a bad value before anything is queued); a move answers 200 at once
/// with the new target as JSON while the servos move in the background.
/// </summary>
internal sealed class PanTiltEndpoints(PanTiltController controller)
{
    /// <summary>Answers at once with the new target; the servos move in the background.</summary>
    public Task OrientAsync(HttpContext context, OrientQuery query)
    {
        context.Response.Headers.CacheControl = "no-store";
        return StreamRoutes.WriteJsonAsync(context.Response, controller.Request(query.Orientation));
    }

    public Task GetAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return StreamRoutes.WriteJsonAsync(context.Response, controller.Orientation);
    }
}
