namespace PiStream.Services.Web;

/// <summary>Which of serve's two listeners an endpoint answers on (<see cref="ListenerMetadata"/>).</summary>
internal enum Listener
{
    /// <summary>The HTTP port (<c>--port</c>): the page, the API, <c>/stream</c>. Endpoints without metadata answer here only.</summary>
    Http,

    /// <summary>pistreaming's WebSocket-only port (<c>--ws-port</c>).</summary>
    WebSocketPort,
}
