using System.CommandLine;

namespace PiStream.Commands;

internal static class OrientCommand
{
    public static Command Create()
    {
        var command = new Command("orient", "Not built yet.");
        command.SetAction((ParseResult _) =>
        {
            Console.Error.WriteLine("pistream orient is not available in this build yet.");
            return ExitCodes.Failed;
        });
        return command;
    }
}
