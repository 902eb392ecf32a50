using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using PiStream.Services.Aiming;
using PiStream.Services.Presets;

namespace PiStream.Commands;

/// <summary><c>serve</c>'s options for pointing like a PTZ camera: the field of view for click-to-point, and where presets are kept.</summary>
internal static class PointingOptions
{
    public static readonly Option<double?> HorizontalFieldOfView = Degrees("--hfov", "Horizontal field of view in degrees, for click-to-point (default: the detected camera's, e.g. 62.2 for Camera Module v2).");

    public static readonly Option<double?> VerticalFieldOfView = Degrees("--vfov", "Vertical field of view in degrees, for click-to-point (default: the detected camera's, e.g. 48.8 for Camera Module v2).");

    public static readonly Option<string> StateDir = new("--state-dir")
    {
        Description = "Folder for what survives a restart (presets): default $XDG_STATE_HOME/pistream or ~/.local/state/pistream.",
        DefaultValueFactory = _ => StateDirectory.Default(),
        CustomParser = ParseStateDir,
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(HorizontalFieldOfView);
        command.Options.Add(VerticalFieldOfView);
        command.Options.Add(StateDir);
    }

    public static AimSettings Aim(ParseResult result) => new(result.GetValue(HorizontalFieldOfView), result.GetValue(VerticalFieldOfView));

    private static Option<double?> Degrees(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = ValueParsers.Token(result);
            if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var degrees) && degrees is >= 1 and <= 180)
            {
                return degrees;
            }

            result.AddError($"{name} '{text}' is not a field of view: give degrees from 1 to 180, e.g. {name} 62.2.");
            return null;
        },
    };

    private static string ParseStateDir(ArgumentResult result)
    {
        var text = ValueParsers.Token(result);
        if (text.Trim().Length == 0 || text.Contains('\0', StringComparison.Ordinal))
        {
            result.AddError($"--state-dir '{text}' is not a folder: give a path, e.g. --state-dir /var/lib/pistream.");
            return StateDirectory.Default();
        }

        return Path.GetFullPath(text);
    }
}
