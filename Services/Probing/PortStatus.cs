namespace PiStream.Services.Probing;

/// <summary>Whether <c>serve</c> could listen on <see cref="Port"/> (what it is for: "http" or "websocket"); <see cref="Problem"/> says why not.</summary>
internal sealed record PortStatus(int Port, string Purpose, bool Free, string? Problem);
