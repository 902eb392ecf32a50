namespace PiStream.Services.Publish;

/// <summary><c>/api/status</c>'s <c>publish</c> section: every target, and the raw frames the H.264 encoder for publishing (MPEG-1 live only) could not keep up with.</summary>
internal sealed record PublishStatus(IReadOnlyList<PublishTargetStatus> Targets, long FramesDropped);
