using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PiStream.Services.Http;

/// <summary>Marks endpoints that change the camera (<see cref="ControlRouteMetadata"/>) and finds the mark on a request.</summary>
internal static class ControlRouteExtensions
{
    /// <summary>This endpoint changes the camera: refused under <c>--read-only</c> and from other sites' pages.</summary>
    public static TBuilder AsControlRoute<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(ControlRouteMetadata.Instance);

    /// <summary>True when routing chose an endpoint marked as a control route for this request.</summary>
    public static bool IsControlRoute(this HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ControlRouteMetadata>() is not null;
}
