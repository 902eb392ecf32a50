using Microsoft.Extensions.Logging;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;
using PiStream.Services.H264;
using PiStream.Services.Processes;

namespace PiStream.Services.Hosting;

/// <summary>Chooses serve's live codec and encoder before anything runs (<c>--codec</c>, <c>--encoder</c>); an impossible request throws <see cref="EncoderUnavailableException"/> naming the fix.</summary>
internal static class LiveEncoderChoices
{
    /// <param name="source">The resolved capture source (<c>--source auto</c> already chosen).</param>
    public static async Task<LiveEncoderPlan> ChooseAsync(ServeSettings settings, SourceSpec source, string ffmpeg, EncoderSettings encoder, ILogger logger, CancellationToken cancellationToken)
    {
        var available = settings.Codec == CodecRequest.Mpeg1 && settings.Encoder is null
            ? new EncoderAvailability(new HashSet<string>(), HardwareOpens: false, HasRpicamVid: false)
            : await EncoderAvailabilityReader.ReadAsync(ffmpeg, null, cancellationToken);
        var choice = LiveEncoderChooser.Choose(settings.Codec, settings.Encoder, source.Kind, available);
        logger.LogInformation("Live codec {Codec} with {Encoder}: {Reason}", choice.CodecName, choice.Encoder, choice.Reason);
        if (choice.Encoder != LiveEncoders.Rpicam)
        {
            return H264Plans.For(choice, ffmpeg, encoder);
        }

        logger.LogWarning(
            "rpicam-vid encodes H.264 by itself: no raw frames reach pistream, so /snapshot.jpg, /stream.mjpg, --record, --publish, --ws-port clients and /stream/mpeg1 get no picture (--encoder h264_v4l2m2m or libx264 gives them one)");
        // rpicam-vid captures too: it takes the flips and image controls the (idle) raw capture would have applied.
        var own = encoder with { HorizontalFlip = settings.HorizontalFlip, VerticalFlip = settings.VerticalFlip };
        return H264Plans.For(choice, ffmpeg, own, source.Argument, cameraControls: settings.CameraControls.LibcameraArguments());
    }

    /// <summary>
    /// What recording and publishing copy: null when the live stream is H.264 (they copy it), else the one H.264
    /// encoder they share while the live stream is MPEG-1 (the Pi's hardware encoder when it opens, else libx264;
    /// at a lower CPU priority than the live encoder).
    /// </summary>
    public static async Task<LiveEncoderPlan?> ForMuxersAsync(LiveEncoderPlan live, ServeSettings settings, string ffmpeg, EncoderSettings encoder, ILogger logger, CancellationToken cancellationToken)
    {
        if (live.Codec == VideoCodec.H264)
        {
            return null;
        }

        var available = await EncoderAvailabilityReader.ReadAsync(ffmpeg, null, cancellationToken);
        LiveEncoderChoice choice;
        try
        {
            choice = LiveEncoderChooser.Choose(CodecRequest.H264, null, settings.Source.Kind, available);
        }
        catch (EncoderUnavailableException)
        {
            throw new EncoderUnavailableException(
                "--record and --publish need an H.264 encoder, and this ffmpeg has no libx264 and no working h264_v4l2m2m. Install Debian's ffmpeg (sudo apt-get install ffmpeg).");
        }

        logger.LogInformation("Recording and publishing get H.264 from their own {Encoder} encoder (the live stream is MPEG-1)", choice.Encoder);
        var plan = H264Plans.For(choice, ffmpeg, encoder);
        return ExecutableFinder.Find("nice") is { } nice ? plan with { Program = nice, Arguments = ["-n", "10", plan.Program, .. plan.Arguments] } : plan;
    }
}
