namespace PiStream.Services.Encoding;

/// <summary>
/// Cuts a live encoder's output into one message per encoded picture and publishes each as soon as it is
/// complete: MPEG-TS (<see cref="TsFrameAssembler"/>), or H.264 from FLV or Annex B (Services/H264).
/// Fed by one reader, in any chunking.
/// </summary>
internal interface IEncodedStreamSplitter
{
    void Push(ReadOnlySpan<byte> data);

    /// <summary>Drops anything half-assembled (the encoder stopped).</summary>
    void Reset();
}
