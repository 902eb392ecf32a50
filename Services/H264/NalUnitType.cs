namespace PiStream.Services.H264;

/// <summary>The H.264 NAL unit types pistream looks at (ITU-T H.264 table 7-1; the low 5 bits of a NAL unit's first byte).</summary>
internal enum NalUnitType : byte
{
    /// <summary>A slice of a picture that refers to earlier pictures.</summary>
    Slice = 1,

    /// <summary>A slice of an IDR picture: a decoder can start here.</summary>
    IdrSlice = 5,

    /// <summary>Supplemental enhancement information (x264 writes its settings in one).</summary>
    Sei = 6,

    /// <summary>Sequence parameter set: profile, level, size.</summary>
    SequenceParameterSet = 7,

    /// <summary>Picture parameter set.</summary>
    PictureParameterSet = 8,

    /// <summary>Access unit delimiter: the start of a new picture.</summary>
    AccessUnitDelimiter = 9,
}
