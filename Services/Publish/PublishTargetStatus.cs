namespace PiStream.Services.Publish;

/// <summary>One target in <c>/api/status</c>'s <c>publish</c> section; <see cref="Url"/> is masked.</summary>
internal sealed record PublishTargetStatus(string Url, string State, DateTimeOffset Since, long BytesSent, long Reconnects, long ChunksDropped);
