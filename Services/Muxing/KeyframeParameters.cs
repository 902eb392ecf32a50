namespace PiStream.Services.Muxing;

/// <summary>
/// Tells whether two H.264 keyframes (Annex B access units) carry the same sequence and picture parameter sets:
/// a muxer that copies the stream (<c>-c copy</c>) keeps the ones it started with, so new ones need a new muxer.
/// </summary>
internal static class KeyframeParameters
{
    private const int Sps = 7;
    private const int Pps = 8;

    /// <summary>A fingerprint of the SPS and PPS in <paramref name="accessUnit"/>, or null when it has none. Allocates nothing.</summary>
    public static int? Fingerprint(ReadOnlySpan<byte> accessUnit)
    {
        var hash = new HashCode();
        var found = false;
        var start = NextNalStart(accessUnit, 0);
        while (start >= 0)
        {
            var next = NextNalStart(accessUnit, start);
            var end = next < 0 ? accessUnit.Length : StartCodeBegin(accessUnit, next);
            var type = accessUnit[start] & 0x1F;
            if (type is Sps or Pps)
            {
                hash.AddBytes(accessUnit[start..end]);
                found = true;
            }

            start = next;
        }

        return found ? hash.ToHashCode() : null;
    }

    /// <summary>The index of the first byte of the NAL unit after the next start code at or after <paramref name="from"/>, or -1.</summary>
    private static int NextNalStart(ReadOnlySpan<byte> data, int from)
    {
        for (var i = from; i + 2 < data.Length; i++)
        {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1)
            {
                return i + 3 < data.Length ? i + 3 : -1;
            }
        }

        return -1;
    }

    /// <summary>Where the start code before the NAL unit at <paramref name="nalStart"/> begins (three or four bytes).</summary>
    private static int StartCodeBegin(ReadOnlySpan<byte> data, int nalStart) =>
        nalStart >= 4 && data[nalStart - 4] == 0 ? nalStart - 4 : nalStart - 3;
}
