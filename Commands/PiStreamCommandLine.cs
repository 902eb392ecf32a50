using System.CommandLine;

namespace PiStream.Commands;

/// <summary>The root command and how one invocation runs: parse errors are exit 2, and nothing ever ends in a stack trace.</summary>
internal static class PiStreamCommandLine
{
    /// <summary>Set to 1 to see the details of an unexpected error (its stack trace) on standard error.</summary>
    public const string DebugVariable = "PISTREAM_DEBUG";

    public static RootCommand Create() => new("Stream a Raspberry Pi camera to web browsers, and point it with a Pan-Tilt HAT.")
    {
        ServeCommand.Create(),
        OrientCommand.Create(),
        LightCommand.Create(),
        ProbeCommand.Create(),
        RecordCommand.Create(),
        HashPasswordCommand.Create(),
        ConfigCommand.Create(),
        ServiceCommand.Create(),
    };

    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter error)
    {
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var parseError in parsed.Errors)
                {
                    await error.WriteLineAsync($"error: {Explain(parseError.Message, args)}");
                }

                await error.WriteLineAsync("Nothing was changed. Run 'pistream --help' or 'pistream <command> --help' for the options.");
                return ExitCodes.BadInput;
            }

            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            await ReportUnexpectedAsync(e, error);
            return ExitCodes.Failed;
        }
    }

    /// <summary>The last resort: one line for the user, the details only when <see cref="DebugVariable"/> asks for them.</summary>
    public static async Task ReportUnexpectedAsync(Exception exception, TextWriter error)
    {
        await error.WriteLineAsync($"error: unexpected {exception.GetType().Name}: {FirstLine(exception.Message)} This is a bug in pistream: please report it, with the output of the same command run with {DebugVariable}=1.");
        if (Environment.GetEnvironmentVariable(DebugVariable) is "1" or "true")
        {
            await error.WriteLineAsync(exception.ToString());
        }
    }

    /// <summary>A word after a switch (<c>--hflip abc</c>) is "unrecognized": say which switch it follows.</summary>
    private static string Explain(string message, string[] args)
    {
        const string Unrecognized = "Unrecognized command or argument '";
        if (!message.StartsWith(Unrecognized, StringComparison.Ordinal) || !message.EndsWith("'.", StringComparison.Ordinal))
        {
            return message;
        }

        var token = message[Unrecognized.Length..^2];
        var index = Array.IndexOf(args, token);
        return index > 0 && args[index - 1].StartsWith('-')
            ? $"{args[index - 1]} is a switch and takes no value, but '{token}' follows it: give {args[index - 1]} alone, or remove '{token}'."
            : $"'{token}' is not a command or option here: run 'pistream --help' or 'pistream <command> --help' for what there is.";
    }

    private static string FirstLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
