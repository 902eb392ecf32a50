using System.Net.WebSockets;

namespace PiStream.Services.Broadcast;

/// <summary>Why a <see cref="Viewer"/> is being closed, and the WebSocket close status it is told.</summary>
internal sealed record ViewerClosing(string Reason, WebSocketCloseStatus Status);
