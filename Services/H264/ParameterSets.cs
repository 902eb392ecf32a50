namespace PiStream.Services.H264;

/// <summary>
/// The newest sequence and picture parameter sets of a stream (without start codes), so that every
/// keyframe message can carry them and a viewer can start decoding from it alone.
/// </summary>
internal sealed class ParameterSets
{
    private byte[] _sps = [];
    private byte[] _pps = [];

    public ReadOnlySpan<byte> Sps => _sps;

    public ReadOnlySpan<byte> Pps => _pps;

    public bool Complete => _sps.Length > 0 && _pps.Length > 0;

    /// <summary>Keeps <paramref name="nal"/> if it is an SPS or PPS; true if it was one.</summary>
    public bool TryKeep(ReadOnlySpan<byte> nal)
    {
        switch (NalUnits.TypeOf(nal))
        {
            case NalUnitType.SequenceParameterSet:
                _sps = Replace(_sps, nal);
                return true;
            case NalUnitType.PictureParameterSet:
                _pps = Replace(_pps, nal);
                return true;
            default:
                return false;
        }
    }

    public void Clear()
    {
        _sps = [];
        _pps = [];
    }

    private static byte[] Replace(byte[] current, ReadOnlySpan<byte> nal) => nal.SequenceEqual(current) ? current : nal.ToArray();
}
