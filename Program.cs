using System.CommandLine;
using PiStream.Commands;

var root = new RootCommand("Stream a Raspberry Pi camera to web browsers, and point it with a Pan-Tilt HAT.")
{
    ServeCommand.Create(),
    OrientCommand.Create(),
    ProbeCommand.Create(),
    RecordCommand.Create(),
    HashPasswordCommand.Create(),
};

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"error: {error.Message}");
    }

    Console.Error.WriteLine("Nothing was changed. Run 'pistream --help' or 'pistream <command> --help' for the options.");
    return ExitCodes.BadInput;
}

return await parsed.InvokeAsync();
