using System.CommandLine;
using System.CommandLine.Parsing;
using PiStream.Services.Capture;

namespace PiStream.Commands;

/// <summary>Options that <c>serve</c> and <c>record</c> share: what to capture and at which size and rate.</summary>
internal static class CommonOptions
{
    public static readonly Option<SourceSpec> Source = new("--source", "-s")
    {
        Description = $"Where frames come from: {SourceSpec.Help}.",
        DefaultValueFactory = _ => SourceSpec.Auto,
        CustomParser = ParseSource,
    };

    public static readonly Option<int> Width = EvenSize("--width", 640, "Frame width in pixels (even, 32-4094).");

    public static readonly Option<int> Height = EvenSize("--height", 480, "Frame height in pixels (even, 32-4094).");

    public static readonly Option<int> Framerate = Ranged("--framerate", 24, 1, 60, "Frames per second (1-60).");

    public static readonly Option<bool> HorizontalFlip = new("--hflip") { Description = "Mirror the picture left to right." };

    public static readonly Option<bool> VerticalFlip = new("--vflip") { Description = "Flip the picture upside down." };

    public static void AddTo(Command command)
    {
        command.Options.Add(Source);
        command.Options.Add(Width);
        command.Options.Add(Height);
        command.Options.Add(Framerate);
        command.Options.Add(HorizontalFlip);
        command.Options.Add(VerticalFlip);
    }

    public static VideoFormat Format(ParseResult result) =>
        new(result.GetValue(Width), result.GetValue(Height), result.GetValue(Framerate));

    public static Option<int> Ranged(string name, int defaultValue, int min, int max, string description) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ValueParsers.Integer(result, min, max, defaultValue),
    };

    private static Option<int> EvenSize(string name, int defaultValue, string description) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var value = ValueParsers.Integer(result, 32, 4094, defaultValue);
            if (value % 2 != 0)
            {
                result.AddError($"{name} {value} is odd: YUV 4:2:0 video needs an even size, e.g. {name} {value + 1}.");
            }

            return value;
        },
    };

    private static SourceSpec ParseSource(ArgumentResult result)
    {
        if (SourceSpec.TryParse(ValueParsers.Token(result), out var spec, out var error))
        {
            return spec;
        }

        result.AddError(error);
        return SourceSpec.Auto;
    }
}
