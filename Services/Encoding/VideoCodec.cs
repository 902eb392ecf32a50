namespace PiStream.Services.Encoding;

/// <summary>What the live stream on <c>/stream</c> carries.</summary>
internal enum VideoCodec
{
    /// <summary>MPEG-1 video in MPEG-TS, for JSMpeg and pistreaming's clients.</summary>
    Mpeg1,

    /// <summary>H.264 access units (Annex B), for WebCodecs and MSE players.</summary>
    H264,
}
