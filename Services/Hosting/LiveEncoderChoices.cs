using Microsoft.Extensions.Logging;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;
using PiStream.Services.H264;

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
}
