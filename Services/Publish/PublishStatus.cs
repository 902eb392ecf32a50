namespace PiStream.Services.Publish;

/// <summary><c>/api/status</c>'s <c>publish</c> section: every target, and what the shared H.264 encoder could not keep up with.</summary>
internal sealed record PublishStatus(IReadOnlyList<PublishTargetStatus> Targets, long FramesDropped);
