using System.CommandLine;
using System.CommandLine.Parsing;
using PiStream.Services.Recording;

namespace PiStream.Commands;

/// <summary><c>pistream record OUTPUT</c>: save the camera, or a running serve's stream, to a video file.</summary>
internal static class RecordCommand
{
    private static readonly Argument<string> Output = new("OUTPUT")
    {
        Description = $"The file to write; its extension picks the container: {RecordingContainer.Supported}.",
        CustomParser = ParseOutput,
    };

    private static readonly Option<TimeSpan?> Duration = new("--duration", "-t")
    {
        Description = $"How long to record, e.g. {DurationParser.Examples} (default: until Ctrl+C).",
        CustomParser = ParseDuration,
    };

    private static readonly Option<string> Codec = new("--codec")
    {
        Description = "Video encoder: auto (the Pi's hardware H.264 encoder when it works, else libx264), libx264, h264_v4l2m2m, another ffmpeg encoder, or copy (with --from: keep the stream's MPEG-1 video as it is).",
        DefaultValueFactory = _ => RecordRequest.AutoCodec,
        CustomParser = ParseCodec,
    };

    private static readonly Option<Uri?> From = new("--from")
    {
        Description = "Record the stream of a running 'pistream serve' instead of opening the camera, e.g. --from http://localhost:8082.",
        CustomParser = ParseFrom,
    };

    private static readonly Option<bool> Force = new("--force", "-f") { Description = "Overwrite OUTPUT if it exists." };

    public static Command Create()
    {
        var command = new Command("record", "Record the camera to a video file (H.264 in MP4 by default), alone or from a running serve with --from.");
        command.Arguments.Add(Output);
        CommonOptions.AddTo(command);
        CameraControlOptions.AddTo(command);
        command.Options.Add(Duration);
        command.Options.Add(Codec);
        command.Options.Add(From);
        command.Options.Add(Force);
        command.SetAction((result, cancellationToken) =>
        {
            var request = new RecordRequest(
                result.GetValue(Output)!,
                result.GetValue(CommonOptions.Source)!,
                CommonOptions.Format(result),
                result.GetValue(CommonOptions.HorizontalFlip),
                result.GetValue(CommonOptions.VerticalFlip),
                result.GetValue(Duration),
                result.GetValue(Codec)!,
                result.GetValue(From),
                result.GetValue(Force))
            {
                Controls = CameraControlOptions.Controls(result),
            };
            return ExitCodeAsync(RecordRunner.RunAsync(request, Console.Out, Console.Error, !Console.IsOutputRedirected, cancellationToken));
        });
        return command;
    }

    private static async Task<int> ExitCodeAsync(Task<RecordExit> run) => await run switch
    {
        RecordExit.Ok => ExitCodes.Ok,
        RecordExit.BadInput => ExitCodes.BadInput,
        RecordExit.MissingDependency => ExitCodes.MissingDependency,
        _ => ExitCodes.Failed,
    };

    private static string ParseOutput(ArgumentResult result)
    {
        var path = ValueParsers.Token(result);
        if (RecordingContainer.FromPath(path) is null)
        {
            result.AddError($"OUTPUT '{path}' does not end in {RecordingContainer.Supported}: the extension picks the file type, e.g. {Path.ChangeExtension(path.Length == 0 ? "clip" : path, ".mp4")}.");
        }

        return path;
    }

    private static string ParseCodec(ArgumentResult result)
    {
        var codec = ValueParsers.Token(result);
        if (codec.Length == 0 || !codec.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            result.AddError($"--codec '{codec}' is not an encoder name: use auto, libx264, h264_v4l2m2m or copy.");
        }

        return codec;
    }

    private static TimeSpan? ParseDuration(ArgumentResult result)
    {
        var text = ValueParsers.Token(result);
        if (DurationParser.TryParse(text, out var duration))
        {
            return duration;
        }

        result.AddError($"--duration '{text}' is not a duration: use e.g. {DurationParser.Examples}.");
        return null;
    }

    private static Uri? ParseFrom(ArgumentResult result)
    {
        var text = ValueParsers.Token(result);
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ws" or "wss")
        {
            return uri;
        }

        result.AddError($"--from '{ValueParsers.Token(result)}' is not the address of a pistream serve: use e.g. http://localhost:8082 or http://raspberrypi.local:8082.");
        return null;
    }
}
