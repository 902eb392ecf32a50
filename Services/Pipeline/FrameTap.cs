namespace PiStream.Services.Pipeline;

/// <summary>
/// Sees every captured frame on the live path, before the live encoder. It must return at once (copy the
/// frame and queue it, or drop it): the live stream waits for it. The span is only valid during the call.
/// </summary>
internal delegate void FrameTap(ReadOnlySpan<byte> frame);
