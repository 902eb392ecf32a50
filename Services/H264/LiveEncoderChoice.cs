using PiStream.Services.Encoding;

namespace PiStream.Services.H264;

/// <summary>The live codec and encoder <c>serve</c> runs, and why (logged at start-up).</summary>
internal sealed record LiveEncoderChoice(VideoCodec Codec, string Encoder, string Reason)
{
    /// <summary>"h264" or "mpeg1", as <c>/api/status</c> and <c>probe</c> say it.</summary>
    public string CodecName => Codec == VideoCodec.H264 ? "h264" : "mpeg1";
}
