using System.Globalization;
using Microsoft.AspNetCore.Http;
using PiStream.Services.PanTilt;

namespace PiStream.Services.Web;

/// <summary>
/// /do_orient and /api/orientation. <c>/do_orient?pan=P&amp;tilt=T</c> takes either parameter (integers as the
/// seed had, decimals too), answers 400 with a message for a bad value before anything is queued, and otherwise
/// answers 200 at once with the new target as JSON while the servos move in the background.
/// </summary>
internal sealed class PanTiltEndpoints(PanTiltController controller)
{
    public async Task OrientAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (!TryParse(query, "pan", out var pan, out var error) || !TryParse(query, "tilt", out var tilt, out error))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await StreamRoutes.WriteTextAsync(context.Response, error);
            return;
        }

        context.Response.Headers.CacheControl = "no-store";
        await StreamRoutes.WriteJsonAsync(context.Response, controller.Request(new Orientation(pan, tilt)));
    }

    public Task GetAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return StreamRoutes.WriteJsonAsync(context.Response, controller.Orientation);
    }

    private static bool TryParse(IQueryCollection query, string axis, out double? angle, out string error)
    {
        angle = null;
        error = "";
        if (!query.TryGetValue(axis, out var values))
        {
            return true;
        }

        var text = values.ToString();
        if (values.Count != 1 || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            error = $"{axis} '{text}' is not a number: give an angle from -90 to 90 degrees, e.g. /do_orient?{axis}=10.";
            return false;
        }

        if (PanTiltAngle.Check(axis, value) is { } message)
        {
            error = message;
            return false;
        }

        angle = value;
        return true;
    }
}
