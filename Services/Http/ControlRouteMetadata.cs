namespace PiStream.Services.Http;

/// <summary>
/// Endpoint metadata: this endpoint changes the camera (moves it, switches lights, stores a preset...).
/// <c>--read-only</c> answers it 403 before the handler runs, and with a login a request that a browser
/// marks as coming from another site's page is refused (docs/security.md). Add it with
/// <see cref="ControlRouteExtensions.AsControlRoute{TBuilder}"/>; there is no central list to edit.
/// </summary>
internal sealed class ControlRouteMetadata
{
    public static ControlRouteMetadata Instance { get; } = new();

    private ControlRouteMetadata()
    {
    }
}
