namespace PiStream.Services.Capture;

/// <summary>A capture source and whether it already applied the configured flips (else the encoder must).</summary>
internal sealed record CaptureSource(ICaptureSource Source, bool FlipsApplied);
