using PiStream.Services.Broadcast;

namespace PiStream.Services.Encoding;

/// <summary>
/// How to run the live encoder: the program and its arguments, and how its output is cut into one
/// message per picture. <see cref="TakesRawFrames"/> is false for a program that captures by itself
/// (rpicam-vid encoding H.264 in the camera pipeline).
/// </summary>
internal sealed record LiveEncoderPlan(
    VideoCodec Codec,
    string Encoder,
    string Program,
    IReadOnlyList<string> Arguments,
    Func<StreamMessagePool, Action<StreamMessage>, IEncodedStreamSplitter> Splitter,
    bool TakesRawFrames = true)
{
    /// <summary>ffmpeg's MPEG-1 in MPEG-TS for JSMpeg (<see cref="EncoderArguments"/>).</summary>
    public static LiveEncoderPlan Mpeg1(string ffmpegPath, EncoderSettings settings) => new(
        VideoCodec.Mpeg1,
        LiveEncoders.Mpeg1,
        ffmpegPath,
        EncoderArguments.Build(settings),
        (pool, publish) => new TsFrameAssembler(pool, publish));
}
