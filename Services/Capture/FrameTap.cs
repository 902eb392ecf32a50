namespace PiStream.Services.Capture;

/// <summary>
/// A <see cref="RawFrameHub"/> subscriber: sees every captured raw yuv420p frame on the live path, before the
/// live encoder. It must return at once (copy the frame into its own bounded queue, or drop it): the live
/// stream waits for it. The span is only valid during the call.
/// </summary>
internal delegate void FrameTap(ReadOnlySpan<byte> frame);
