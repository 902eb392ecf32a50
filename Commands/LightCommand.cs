using System.CommandLine;
using System.CommandLine.Parsing;
using PiStream.Services.Lights;
using PiStream.Services.PanTilt;

namespace PiStream.Commands;

/// <summary><c>pistream light</c>: set the Pan-Tilt HAT's lights directly, or through a running <c>serve</c>.</summary>
internal static class LightCommand
{
    private static readonly Option<LightColor?> Rgbw = new("--rgbw")
    {
        Description = "Colour as R,G,B,W, each 0 to 255, e.g. 255,0,0,0 (red) or 0,0,0,255 (white).",
        CustomParser = ParseColor,
    };

    private static readonly Option<int?> Index = new("--index")
    {
        Description = "The pixel to set, from 0 (default: all).",
        CustomParser = result => ValueParsers.Integer(result, 0, 23, 0),
    };

    private static readonly Option<bool> Off = new("--off") { Description = "Turn every pixel off." };

    private static readonly Option<Uri?> Server = new("--server")
    {
        Description = "Send the change to a running 'pistream serve' (which owns the HAT), e.g. http://raspberrypi:8082.",
        CustomParser = OrientCommand.ParseServer,
    };

    public static Command Create()
    {
        var command = new Command("light", "Set the Pan-Tilt HAT's lights; with no colour, print what they show.");
        command.Options.Add(Rgbw);
        command.Options.Add(Index);
        command.Options.Add(Off);
        command.Options.Add(Server);
        LightOptions.AddTo(command);
        PanTiltOptions.AddTo(command);
        command.Validators.Add(result =>
        {
            var given = result.GetResult(Rgbw) is { Implicit: false };
            if (given && result.GetResult(Off) is { Implicit: false })
            {
                result.AddError("Give --rgbw or --off, not both.");
            }

            var index = ValueParsers.GivenOr<int?>(result, Index, null);
            if (index is not null && !given)
            {
                result.AddError("--index needs a colour: e.g. --index 0 --rgbw 255,0,0,0.");
            }

            var count = ValueParsers.GivenOr(result, LightOptions.Count, LightsSettings.DefaultCount);
            if (index >= count)
            {
                result.AddError($"--index {index} does not exist: the strip has {count} pixels (0 to {count - 1}; --light-count sets the number).");
            }
        });
        command.SetAction((result, cancellationToken) =>
        {
            IReadOnlyList<LightChange> changes = result.GetValue(Off)
                ? [new LightChange(LightChange.All, LightColor.Off)]
                : result.GetValue(Rgbw) is { } color ? [new LightChange(result.GetValue(Index) ?? LightChange.All, color)] : [];
            return result.GetValue(Server) is { } server
                ? RunRemoteAsync(server, changes, Console.Out, Console.Error, cancellationToken)
                : RunLocalAsync(PanTiltOptions.Hat(result), LightOptions.Settings(result), changes, Console.Out, Console.Error);
        });
        return command;
    }

    /// <summary>Opens the HAT on this machine and sets the lights (exit 3 with the fix when there is no I2C bus or HAT).</summary>
    public static Task<int> RunLocalAsync(PanTiltHatOptions options, LightsSettings settings, IReadOnlyList<LightChange> changes, TextWriter output, TextWriter error, string deviceDirectory = "/dev") =>
        HatCommandRunner.RunLocalAsync(options, deviceDirectory, (hat, _) => Task.FromResult(Apply(hat, settings, changes)), output, error, CancellationToken.None);

    /// <summary>Sets the lights of an open HAT: reads the buffer back (other pixels keep their colour), applies, shows, prints.</summary>
    public static async Task<int> RunAsync(PanTiltHat hat, LightsSettings settings, IReadOnlyList<LightChange> changes, TextWriter output)
    {
        await output.WriteLineAsync(Apply(hat, settings, changes));
        return ExitCodes.Ok;
    }

    /// <summary>Sends the change to <c>pistream serve</c> at <paramref name="server"/> and prints the lights it reports.</summary>
    public static Task<int> RunRemoteAsync(Uri server, IReadOnlyList<LightChange> changes, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        HatCommandRunner.RunRemoteAsync(server, async (http, token) => Describe(await new LightsClient(http).SetAsync(server, changes, token)), output, error, cancellationToken);

    private static string Apply(PanTiltHat hat, LightsSettings settings, IReadOnlyList<LightChange> changes)
    {
        var lights = new HatLights(hat, settings);
        lights.Load();
        if (changes.Count > 0)
        {
            lights.Apply(changes);
            lights.Show();
        }

        return Describe(lights.Colors);
    }

    /// <summary>"lights: 0=255,0,0,0 1=0,0,0,0 ...".</summary>
    public static string Describe(IEnumerable<LightColor> colors) =>
        "lights: " + string.Join(' ', colors.Select((color, index) => $"{index}={color}"));

    private static LightColor? ParseColor(ArgumentResult result)
    {
        if (LightQuery.TryColor("--rgbw", ValueParsers.Token(result), out var color, out var error))
        {
            return color;
        }

        result.AddError(error);
        return null;
    }
}
