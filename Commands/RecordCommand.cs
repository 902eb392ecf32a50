using System.CommandLine;

namespace PiStream.Commands;

internal static class RecordCommand
{
    public static Command Create()
    {
        var command = new Command("record", "Not built yet.");
        command.SetAction((ParseResult _) =>
        {
            Console.Error.WriteLine("pistream record is not available in this build yet.");
            return ExitCodes.Failed;
        });
        return command;
    }
}
