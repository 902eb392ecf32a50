using Microsoft.Extensions.Logging;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;
using PiStream.Services.H264;

namespace PiStream.Services.Hosting;

/// <summary>Chooses serve's live codec and encoder before anything runs (<c>--codec</c>, <c>--encoder</c>); an impossible request throws <see cref="EncoderUnavailableException"/> naming the fix.</summary>
internal static class LiveEncoderChoices
{
    public static async Task<LiveEncoderPlan> ChooseAsync(ServeSettings settings, string ffmpeg, EncoderSettings encoder, ILogger logger, CancellationToken cancellationToken)
    {
        var source = settings.Source;
        var available = settings.Codec == CodecRequest.Mpeg1 && settings.Encoder is null
            ? new EncoderAvailability(new HashSet<string>(), HardwareOpens: false, HasRpicamVid: false)
            : await EncoderAvailabilityReader.ReadAsync(ffmpeg, null, cancellationToken);
        var choice = LiveEncoderChooser.Choose(settings.Codec, settings.Encoder, source.Kind, available);
        logger.LogInformation("Live codec {Codec} with {Encoder}: {Reason}", choice.CodecName, choice.Encoder, choice.Reason);
        return H264Plans.For(choice, ffmpeg, encoder, source.Kind == SourceKind.Libcamera ? source.Argument : null);
    }
}
