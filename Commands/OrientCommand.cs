using System.CommandLine;
using System.CommandLine.Parsing;
using PiStream.Services.PanTilt;

namespace PiStream.Commands;

/// <summary><c>pistream orient</c>: point the camera with the Pan-Tilt HAT directly, or through a running <c>serve</c>.</summary>
internal static class OrientCommand
{
    private static readonly Option<double?> Pan = PanTiltOptions.Angle("--pan", "Pan angle in degrees, -90 to 90 (positive turns the view right).");

    private static readonly Option<double?> Tilt = PanTiltOptions.Angle("--tilt", "Tilt angle in degrees, -90 to 90 (positive raises the view).");

    private static readonly Option<Uri?> Server = new("--server")
    {
        Description = "Send the move to a running 'pistream serve' (which owns the HAT), e.g. http://raspberrypi:8082.",
        CustomParser = ParseServer,
    };

    public static Command Create()
    {
        var command = new Command("orient", "Point the camera with the Pan-Tilt HAT; with no angle, print where it points.");
        command.Options.Add(Pan);
        command.Options.Add(Tilt);
        command.Options.Add(Server);
        PanTiltOptions.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var move = new Orientation(result.GetValue(Pan), result.GetValue(Tilt));
            return result.GetValue(Server) is { } server
                ? RunRemoteAsync(server, move, Console.Out, Console.Error, cancellationToken)
                : RunLocalAsync(PanTiltOptions.Hat(result), move, Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }

    /// <summary>Drives the HAT on this machine: moves, waits for the sweep, prints the read-back, disables the servos.</summary>
    public static Task<int> RunLocalAsync(PanTiltHatOptions options, Orientation move, TextWriter output, TextWriter error, CancellationToken cancellationToken, string deviceDirectory = "/dev") =>
        HatCommandRunner.RunLocalAsync(options, deviceDirectory, async (hat, token) =>
        {
            if (move.Pan is not null || move.Tilt is not null)
            {
                var before = hat.Read();
                hat.Move(move);
                await Task.Delay(PanTiltAngle.SweepTime(before, move, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(0.1)), token);
            }

            return hat.Read().ToString();
        }, output, error, cancellationToken);

    /// <summary>Sends the move to <c>pistream serve</c> at <paramref name="server"/> and prints the orientation it reports.</summary>
    public static Task<int> RunRemoteAsync(Uri server, Orientation move, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        HatCommandRunner.RunRemoteAsync(server, async (http, token) => (await new PanTiltClient(http).OrientAsync(server, move, token)).ToString(), output, error, cancellationToken);

    internal static Uri? ParseServer(ArgumentResult result)
    {
        var text = ValueParsers.Token(result);
        if (Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        result.AddError($"--server '{text}' is not an http:// address: use e.g. http://raspberrypi:8082.");
        return null;
    }
}
