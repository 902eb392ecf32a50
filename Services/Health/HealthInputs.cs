namespace PiStream.Services.Health;

/// <summary>
/// What <see cref="HealthEvaluator"/> judges: how long ago the capture delivered its last raw frame and the
/// live encoder its last encoded frame (null: never since start), how long serve has run, the frame interval,
/// what the source is, and the last reason the pipeline gave for a restart (null: none).
/// </summary>
internal sealed record HealthInputs(
    TimeSpan? SinceCapturedFrame,
    TimeSpan? SinceEncodedFrame,
    TimeSpan Uptime,
    TimeSpan FrameInterval,
    string Source,
    string? LastFailure);
