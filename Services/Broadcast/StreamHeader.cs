using System.Buffers.Binary;

namespace PiStream.Services.Broadcast;

/// <summary>
/// The first WebSocket message of a stream. MPEG-1 (pistreaming's): ASCII "jsmp", then width and height as
/// big-endian uint16. H.264: ASCII "h264", width, height and frames per second as big-endian uint16.
/// </summary>
internal static class StreamHeader
{
    public const int Length = 8;

    public const int H264Length = 10;

    public static byte[] CreateH264(int width, int height, int framerate)
    {
        var header = new byte[H264Length];
        "h264"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), checked((ushort)width));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), checked((ushort)height));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), checked((ushort)framerate));
        return header;
    }

    public static byte[] Create(int width, int height)
    {
        var header = new byte[Length];
        "jsmp"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), checked((ushort)width));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), checked((ushort)height));
        return header;
    }

    /// <summary>Reads a header a viewer received; false when <paramref name="message"/> is not one.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, out int width, out int height)
    {
        if (message.Length != Length || !message.StartsWith("jsmp"u8))
        {
            (width, height) = (0, 0);
            return false;
        }

        width = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        height = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        return true;
    }

    /// <summary>Reads an H.264 stream's header ("h264", width, height, frames per second); false when <paramref name="message"/> is not one.</summary>
    public static bool TryReadH264(ReadOnlySpan<byte> message, out int width, out int height, out int framerate)
    {
        if (message.Length != H264Length || !message.StartsWith("h264"u8))
        {
            (width, height, framerate) = (0, 0, 0);
            return false;
        }

        width = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        height = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        framerate = BinaryPrimitives.ReadUInt16BigEndian(message[8..]);
        return true;
    }

    /// <summary>The MPEG-1 ("jsmp") header of the same size as <paramref name="header"/>, which may be either kind (pistreaming's clients always get MPEG-1).</summary>
    public static byte[] Mpeg1For(ReadOnlySpan<byte> header) =>
        TryReadH264(header, out var width, out var height, out _) ? Create(width, height) : header.ToArray();
}
