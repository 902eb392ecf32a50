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

    public static Option<int> Ranged(string name, int defaultValue, int min, int max, string description)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError($"{name} {value} is out of range: use a value from {min} to {max}.");
            }
        });
        return option;
    }

    private static Option<int> EvenSize(string name, int defaultValue, string description)
    {
        var option = Ranged(name, defaultValue, 32, 4094, description);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value % 2 != 0)
            {
                result.AddError($"{name} {value} is odd: YUV 4:2:0 video needs an even size, e.g. {name} {value + 1}.");
            }
        });
        return option;
    }

    private static SourceSpec ParseSource(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "auto" : result.Tokens[0].Value;
        if (SourceSpec.TryParse(text, out var spec, out var error))
        {
            return spec;
        }

        result.AddError(error);
        return SourceSpec.Auto;
    }
}
