namespace PiStream.Services.Lights;

/// <summary>The <c>lights</c> part of /api/status: the strip's pixel order and count, and the last device error.</summary>
internal sealed record LightsStatus(string Type, int Count, string? Error);
