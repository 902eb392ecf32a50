namespace PiStream.Services.Jpeg;

/// <summary>
/// One encoded picture, shared read-only by every client that gets it. <see cref="Sequence"/> numbers the raw
/// frames an encoder was offered (1, 2, ...; a gap is a frame dropped while ffmpeg was busy);
/// <see cref="OfferedAt"/> and <see cref="EncodedAt"/> are <see cref="System.Diagnostics.Stopwatch"/> timestamps
/// of the raw frame's arrival and of the picture's last byte.
/// </summary>
internal sealed class JpegFrame(byte[] data, long sequence, long offeredAt, long encodedAt)
{
    public byte[] Data => data;

    public long Sequence => sequence;

    public long OfferedAt => offeredAt;

    public long EncodedAt => encodedAt;
}
