using System.Buffers.Binary;

namespace PiStream.Services.Broadcast;

/// <summary>pistreaming's first WebSocket message: ASCII "jsmp", then width and height as big-endian uint16.</summary>
internal static class StreamHeader
{
    public const int Length = 8;

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
}
