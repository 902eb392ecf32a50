using System.CommandLine;

namespace PiStream.Commands;

internal static class ProbeCommand
{
    public static Command Create()
    {
        var command = new Command("probe", "Not built yet.");
        command.SetAction((ParseResult _) =>
        {
            Console.Error.WriteLine("pistream probe is not available in this build yet.");
            return ExitCodes.Failed;
        });
        return command;
    }
}
