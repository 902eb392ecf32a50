using System.CommandLine;
using System.CommandLine.Parsing;
using PiStream.Services.Recording;

namespace PiStream.Commands;

/// <summary>The options of <c>serve</c> for continuous recording: --record DIR, --segment-length, --keep, --keep-size, --record-format.</summary>
internal static class ServeRecordingOptions
{
    public static readonly Option<string?> Record = new("--record")
    {
        Description = "Also record continuously into this folder, in segments named by start time (from the same camera, without slowing the stream).",
    };

    public static readonly Option<TimeSpan> SegmentLength = new("--segment-length")
    {
        Description = $"Length of each recorded segment, e.g. 10m or 1h (default 10m, at least {SegmentSettings.MinimumSegmentLength.TotalSeconds:0}s).",
        DefaultValueFactory = _ => SegmentSettings.DefaultSegmentLength,
        CustomParser = result => ParseDuration(result, SegmentSettings.MinimumSegmentLength),
    };

    public static readonly Option<TimeSpan?> Keep = new("--keep")
    {
        Description = $"Delete recorded segments older than this, e.g. {DurationParser.Examples} (default: keep all).",
        CustomParser = result => ParseDuration(result, TimeSpan.FromSeconds(1)),
    };

    public static readonly Option<long?> KeepSize = new("--keep-size")
    {
        Description = $"Delete the oldest segments when all together are larger than this, e.g. {SizeParser.Examples} (default: no limit).",
        CustomParser = ParseSize,
    };

    public static readonly Option<string> Format = CreateFormat();

    public static void AddTo(Command command)
    {
        command.Options.Add(Record);
        command.Options.Add(SegmentLength);
        command.Options.Add(Keep);
        command.Options.Add(KeepSize);
        command.Options.Add(Format);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Record) is not null)
            {
                return;
            }

            foreach (var option in new Option[] { SegmentLength, Keep, KeepSize, Format })
            {
                if (result.GetResult(option) is { Implicit: false })
                {
                    result.AddError($"{option.Name} only applies to recording: add --record DIR (e.g. --record ~/recordings).");
                }
            }
        });
    }

    /// <summary>The recording settings, or null when --record is not given.</summary>
    public static SegmentSettings? Read(ParseResult result) => result.GetValue(Record) is { } folder
        ? new SegmentSettings(
            folder,
            result.GetValue(SegmentLength),
            new RetentionPolicy(result.GetValue(Keep), result.GetValue(KeepSize)),
            RecordingContainer.FromPath("segment." + result.GetValue(Format))!)
        : null;

    private static Option<string> CreateFormat()
    {
        var option = new Option<string>("--record-format")
        {
            Description = "File type of recorded segments: mp4 (default), mkv or ts.",
            DefaultValueFactory = _ => "mp4",
        };
        option.AcceptOnlyFromAmong("mp4", "mkv", "ts");
        return option;
    }

    private static TimeSpan ParseDuration(ArgumentResult result, TimeSpan minimum)
    {
        var text = ValueParsers.Token(result);
        if (DurationParser.TryParse(text, out var duration) && duration >= minimum)
        {
            return duration;
        }

        var name = ((OptionResult)result.Parent!).Option.Name;
        result.AddError($"{name} '{text}' is not a duration of at least {minimum.TotalSeconds:0} s: use e.g. {DurationParser.Examples}.");
        return minimum;
    }

    private static long? ParseSize(ArgumentResult result)
    {
        var text = ValueParsers.Token(result);
        if (SizeParser.TryParse(text, out var bytes))
        {
            return bytes;
        }

        result.AddError($"--keep-size '{text}' is not a size: use e.g. {SizeParser.Examples}.");
        return null;
    }
}
