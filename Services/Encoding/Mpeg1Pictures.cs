namespace PiStream.Services.Encoding;

/// <summary>Recognises MPEG-1 video start codes at the beginning of an encoded frame.</summary>
internal static class Mpeg1Pictures
{
    private const byte SequenceHeader = 0xB3;
    private const byte PictureStart = 0x00;
    private const int IntraCoded = 1;

    /// <summary>True when the elementary stream bytes begin a frame a decoder can start from.</summary>
    public static bool StartsKeyframe(ReadOnlySpan<byte> elementary)
    {
        for (var i = 0; i + 5 < elementary.Length; i++)
        {
            if (elementary[i] != 0 || elementary[i + 1] != 0 || elementary[i + 2] != 1)
            {
                continue;
            }

            var code = elementary[i + 3];
            if (code == SequenceHeader)
            {
                return true;
            }

            if (code == PictureStart)
            {
                return (elementary[i + 5] >> 3 & 0x7) == IntraCoded;
            }
        }

        return false;
    }
}
