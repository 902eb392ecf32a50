namespace PiStream.Services.H264;

/// <summary>Small facts about one NAL unit (given without its start code).</summary>
internal static class NalUnits
{
    /// <summary>The four-byte Annex B start code pistream writes before every NAL unit.</summary>
    public static ReadOnlySpan<byte> StartCode => [0, 0, 0, 1];

    public static NalUnitType TypeOf(ReadOnlySpan<byte> nal) => nal.IsEmpty ? 0 : (NalUnitType)(nal[0] & 0x1F);

    public static bool IsSlice(NalUnitType type) => type is NalUnitType.Slice or NalUnitType.IdrSlice;

    /// <summary>
    /// True for a slice that begins a picture: its first_mb_in_slice, the first Exp-Golomb code after
    /// the one-byte header, is 0, which is coded as a single 1 bit.
    /// </summary>
    public static bool StartsPicture(ReadOnlySpan<byte> nal) => IsSlice(TypeOf(nal)) && nal.Length > 1 && (nal[1] & 0x80) != 0;
}
