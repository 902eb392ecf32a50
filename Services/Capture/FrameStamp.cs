using System.Buffers.Binary;

namespace PiStream.Services.Capture;

/// <summary>
/// The machine-readable capture time painted into every test-pattern frame (docs/frame-stamp.md):
/// 48 blocks of 16x16 luma pixels, row by row from the top-left corner, white = 1, black = 0,
/// most significant bit first. Bits 0-39 are the capture time in Unix milliseconds modulo 2^40;
/// bits 40-47 are a check byte: the XOR of the five time bytes, XOR 0xA5.
/// </summary>
internal static class FrameStamp
{
    public const int BlockSize = 16;
    public const int Bits = 48;
    public const byte One = 235;
    public const byte Zero = 16;
    private const long TimeMask = (1L << 40) - 1;

    /// <summary>Rows of blocks the stamp needs at <paramref name="width"/>.</summary>
    public static int Rows(int width) => (Bits + BlocksPerRow(width) - 1) / BlocksPerRow(width);

    public static int BlocksPerRow(int width) => Math.Max(1, width / BlockSize);

    /// <summary>Paints <paramref name="unixMilliseconds"/> into the luma plane and greys the chroma under it.</summary>
    public static void Paint(Span<byte> frame, int width, int height, long unixMilliseconds)
    {
        var value = Encode(unixMilliseconds);
        var perRow = BlocksPerRow(width);
        var bandHeight = Math.Min(height, Rows(width) * BlockSize);
        for (var bit = 0; bit < Bits; bit++)
        {
            var on = (value >> (Bits - 1 - bit) & 1) != 0;
            var x = bit % perRow * BlockSize;
            var y = bit / perRow * BlockSize;
            for (var row = y; row < Math.Min(y + BlockSize, height); row++)
            {
                frame.Slice(row * width + x, Math.Min(BlockSize, width - x)).Fill(on ? One : Zero);
            }
        }

        var lumaSize = width * height;
        var chromaWidth = width / 2;
        for (var row = 0; row < bandHeight / 2; row++)
        {
            frame.Slice(lumaSize + row * chromaWidth, chromaWidth).Fill(128);
            frame.Slice(lumaSize + lumaSize / 4 + row * chromaWidth, chromaWidth).Fill(128);
        }
    }

    /// <summary>The 48-bit stamp value: 40 bits of time, then the check byte.</summary>
    public static long Encode(long unixMilliseconds)
    {
        var time = unixMilliseconds & TimeMask;
        return time << 8 | Check(time);
    }

    /// <summary>Reads the stamp back from a luma plane; false when the check byte does not match.</summary>
    public static bool TryRead(ReadOnlySpan<byte> luma, int width, out long unixMillisecondsModulo)
    {
        var perRow = BlocksPerRow(width);
        long value = 0;
        for (var bit = 0; bit < Bits; bit++)
        {
            var x = bit % perRow * BlockSize + BlockSize / 2;
            var y = bit / perRow * BlockSize + BlockSize / 2;
            value = value << 1 | (luma[y * width + x] >= 128 ? 1L : 0L);
        }

        unixMillisecondsModulo = value >> 8;
        return (byte)value == Check(unixMillisecondsModulo);
    }

    private static byte Check(long time)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, time);
        return (byte)(bytes[3] ^ bytes[4] ^ bytes[5] ^ bytes[6] ^ bytes[7] ^ 0xA5);
    }
}
