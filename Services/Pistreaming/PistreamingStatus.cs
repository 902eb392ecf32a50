namespace PiStream.Services.Pistreaming;

/// <summary>The <c>pistreaming</c> part of /api/status: how many of pistreaming's clients watch on <c>--ws-port</c>.</summary>
internal sealed record PistreamingStatus(int Viewers);
