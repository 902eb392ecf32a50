using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace PiStream.Services.Security;

/// <summary>Puts access control into the request pipeline.</summary>
internal static class AccessControlApplicationBuilderExtensions
{
    /// <summary>
    /// After routing (the gate reads the chosen endpoint's <see cref="Http.ControlRouteMetadata"/>) and before
    /// any endpoint runs, WebSocket upgrades and 404s included: the protective headers, the login gate (with
    /// the cross-site and rebinding guards), then the viewer caps.
    /// </summary>
    public static IApplicationBuilder UseAccessControl(this IApplicationBuilder app)
    {
        var gate = app.ApplicationServices.GetRequiredService<AccessGate>();
        var viewerLimit = app.ApplicationServices.GetRequiredService<ViewerLimit>();
        var access = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccessSettings>>().Value;
        app.Use(SecurityHeaders.Middleware(access.UsesTls));
        app.Use(gate.InvokeAsync);
        app.Use(viewerLimit.InvokeAsync);
        return app;
    }
}
