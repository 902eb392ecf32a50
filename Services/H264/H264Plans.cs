using PiStream.Services.Encoding;
using PiStream.Services.Processes;

namespace PiStream.Services.H264;

/// <summary>The <see cref="LiveEncoderPlan"/> for a chosen live encoder.</summary>
internal static class H264Plans
{
    /// <summary>
    /// The plan for <paramref name="choice"/>. <paramref name="camera"/> is the libcamera camera number and
    /// <paramref name="cameraControls"/> its rpicam-vid image options (rpicam-vid only); <paramref name="searchPath"/>
    /// replaces PATH when looking for rpicam-vid (tests).
    /// </summary>
    public static LiveEncoderPlan For(LiveEncoderChoice choice, string ffmpegPath, EncoderSettings settings, string? camera = null, string? searchPath = null, IReadOnlyList<string>? cameraControls = null) =>
        choice.Encoder switch
        {
            LiveEncoders.Mpeg1 => LiveEncoderPlan.Mpeg1(ffmpegPath, settings),
            LiveEncoders.LibX264 => new(VideoCodec.H264, choice.Encoder, ffmpegPath, H264EncoderArguments.LibX264(settings), (pool, publish) => new FlvAccessUnitSplitter(pool, publish)),
            LiveEncoders.V4l2M2m => new(VideoCodec.H264, choice.Encoder, ffmpegPath, H264EncoderArguments.V4l2M2m(settings), (pool, publish) => new AnnexBAccessUnitSplitter(pool, publish)),
            LiveEncoders.Rpicam => new(
                VideoCodec.H264,
                choice.Encoder,
                ExecutableFinder.FindFirstOn(searchPath, "rpicam-vid", "libcamera-vid") ?? throw new EncoderUnavailableException("rpicam-vid not found — install it with: sudo apt-get install rpicam-apps (or use --encoder libx264)."),
                RpicamH264Arguments.Build(settings, camera, cameraControls),
                (pool, publish) => new AnnexBAccessUnitSplitter(pool, publish),
                TakesRawFrames: false),
            _ => throw new ArgumentOutOfRangeException(nameof(choice), choice.Encoder, "Unknown live encoder."),
        };
}
