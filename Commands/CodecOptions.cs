using System.CommandLine;
using System.CommandLine.Parsing;
using PiStream.Services.Encoding;

namespace PiStream.Commands;

/// <summary><c>serve --codec</c> and <c>--encoder</c>: what the live stream is encoded as, and by what.</summary>
internal static class CodecOptions
{
    public static readonly Option<CodecRequest> Codec = new("--codec")
    {
        Description = "Live codec: auto (H.264 when a working encoder is found, else MPEG-1), h264 or mpeg1. --ws-port always gets MPEG-1.",
        DefaultValueFactory = _ => CodecRequest.Auto,
        CustomParser = ParseCodec,
    };

    public static readonly Option<string?> Encoder = new("--encoder")
    {
        Description = $"Live encoder (default: chosen automatically): {string.Join(", ", LiveEncoders.All)}.",
        CustomParser = ParseEncoder,
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(Codec);
        command.Options.Add(Encoder);
        command.Validators.Add(result =>
        {
            // Read only values that parsed: a malformed one has already reported its own error.
            var encoder = ValueParsers.GivenOr(result, Encoder, null);
            var codec = ValueParsers.GivenOr(result, Codec, CodecRequest.Auto);
            if (encoder is null || codec == CodecRequest.Auto)
            {
                return;
            }

            var makesMpeg1 = encoder == LiveEncoders.Mpeg1;
            if (makesMpeg1 != (codec == CodecRequest.Mpeg1))
            {
                result.AddError($"--encoder {encoder} does not make {(makesMpeg1 ? "H.264" : "MPEG-1")}: leave out --codec, or use --encoder {(makesMpeg1 ? LiveEncoders.LibX264 : LiveEncoders.Mpeg1)}.");
            }
        });
    }

    private static CodecRequest ParseCodec(ArgumentResult result)
    {
        var text = ValueParsers.Token(result);
        switch (text.ToLowerInvariant())
        {
            case "auto":
                return CodecRequest.Auto;
            case "h264" or "h.264":
                return CodecRequest.H264;
            case "mpeg1":
                return CodecRequest.Mpeg1;
            default:
                result.AddError($"--codec '{text}' is not a codec: use auto, h264 or mpeg1.");
                return CodecRequest.Auto;
        }
    }

    private static string? ParseEncoder(ArgumentResult result)
    {
        var text = ValueParsers.Token(result);
        if (text == "auto")
        {
            return null;
        }

        if (LiveEncoders.All.Contains(text))
        {
            return text;
        }

        result.AddError($"--encoder '{text}' is not a live encoder: use auto, {string.Join(", ", LiveEncoders.All)}.");
        return null;
    }
}
