namespace PiStream.Services.Recording;

/// <summary>How a recording ended, the last progress ffmpeg reported, and what went wrong if anything did.</summary>
internal sealed record RecordingResult(RecordingOutcome Outcome, RecordingProgress Progress, string? Detail = null, Exception? SourceError = null);
