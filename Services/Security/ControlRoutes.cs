using Microsoft.AspNetCore.Http;

namespace PiStream.Services.Security;

/// <summary>
/// The one list of routes that move the camera. <c>--read-only</c> answers them 403 before any handler
/// runs. <c>/do_orient</c> moves on GET (the seed's API); on the other paths only writes move it.
/// </summary>
internal static class ControlRoutes
{
    /// <summary>Paths where every method moves the camera.</summary>
    public static readonly IReadOnlyList<string> AlwaysControl = ["/do_orient"];

    /// <summary>Paths where reads are harmless and writes (POST, PUT, PATCH, DELETE) move the camera.</summary>
    public static readonly IReadOnlyList<string> WriteControl = ["/api/orientation"];

    public static bool IsControl(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        if (AlwaysControl.Contains(path, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return WriteControl.Contains(path, StringComparer.OrdinalIgnoreCase)
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method);
    }
}
