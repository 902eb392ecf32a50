using System.CommandLine;
using PiStream.Services.Lights;

namespace PiStream.Commands;

/// <summary>Options that <c>serve</c> and <c>light</c> share: the pixel strip on the HAT's light connector.</summary>
internal static class LightOptions
{
    public static readonly Option<LightType> Type = new("--light-type")
    {
        Description = "Pixel order of the HAT's light strip: grbw (default, pistreaming's 8-pixel RGBW stick), rgbw, rgb or grb.",
        DefaultValueFactory = _ => LightType.Grbw,
        CustomParser = result =>
        {
            var text = ValueParsers.Token(result);
            if (text is "grbw" or "rgbw" or "rgb" or "grb")
            {
                return Enum.Parse<LightType>(text, ignoreCase: true);
            }

            result.AddError($"--light-type '{text}' is not one of: grbw, rgbw, rgb, grb.");
            return LightType.Grbw;
        },
    };

    public static readonly Option<int> Count = CommonOptions.Ranged("--light-count", LightsSettings.DefaultCount, 1, 24, "Pixels on the HAT's light strip (at most 18 RGBW or 24 RGB).");

    public static void AddTo(Command command)
    {
        command.Options.Add(Type);
        command.Options.Add(Count);
        command.Validators.Add(result =>
        {
            var type = ValueParsers.GivenOr(result, Type, LightType.Grbw);
            var count = ValueParsers.GivenOr(result, Count, LightsSettings.DefaultCount);
            if (count > LightPixels.Capacity(type))
            {
                result.AddError($"--light-count {count} is too many for --light-type {type.ToString().ToLowerInvariant()}: the HAT drives at most {LightPixels.Capacity(type)} such pixels.");
            }
        });
    }

    public static LightsSettings Settings(ParseResult result) => new(result.GetValue(Type), result.GetValue(Count));
}
