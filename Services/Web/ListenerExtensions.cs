using Microsoft.AspNetCore.Builder;

namespace PiStream.Services.Web;

/// <summary>Puts an endpoint on pistreaming's WebSocket-only port (<c>--ws-port</c>) instead of the HTTP port.</summary>
internal static class ListenerExtensions
{
    public static TBuilder OnWebSocketPort<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ListenerMetadata(Listener.WebSocketPort));
}
