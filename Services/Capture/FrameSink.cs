namespace PiStream.Services.Capture;

/// <summary>
/// Receives one raw yuv420p frame. The memory is only valid until the returned task completes:
/// the source reuses its buffer for the next frame.
/// </summary>
internal delegate ValueTask FrameSink(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken);
