using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace PiStream.Services.Security;

/// <summary>Puts access control into the request pipeline.</summary>
internal static class AccessControlApplicationBuilderExtensions
{
    /// <summary>
    /// After routing (the gate reads the chosen endpoint's <see cref="Http.ControlRouteMetadata"/>) and before
    /// any endpoint runs, WebSocket upgrades and 404s included: the login gate, then the viewer cap.
    /// </summary>
    public static IApplicationBuilder UseAccessControl(this IApplicationBuilder app)
    {
        var gate = app.ApplicationServices.GetRequiredService<AccessGate>();
        var viewerLimit = app.ApplicationServices.GetRequiredService<ViewerLimit>();
        app.Use(gate.InvokeAsync);
        app.Use(viewerLimit.InvokeAsync);
        return app;
    }
}
