namespace PiStream.Services.Broadcast;

/// <summary>
/// What <c>--ws-port</c> viewers (pistreaming's clients) get: by default the live stream itself (MPEG-1); when the
/// live codec is H.264, a separate MPEG-1 fan-out (Services/H264 replaces this registration).
/// </summary>
internal sealed record WebSocketPortStream(Broadcaster Broadcaster, ViewerHandshake Handshake);
