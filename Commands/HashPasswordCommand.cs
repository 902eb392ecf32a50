using System.CommandLine;
using System.Text;
using PiStream.Services.Security;

namespace PiStream.Commands;

/// <summary>
/// <c>pistream hash-password</c>: reads a password from stdin (or asks for it, twice, without echo, on a
/// terminal) and prints its PBKDF2 hash for <c>serve --auth-file</c>; the password never reaches shell history.
/// </summary>
internal static class HashPasswordCommand
{
    private static readonly Option<string?> User = new("--user", "-u")
    {
        HelpName = "NAME",
        Description = "Print a whole --auth-file line, USER:HASH, e.g. pistream hash-password --user alice >> users.txt.",
        CustomParser = ParseUser,
    };

    private static readonly Option<int> Iterations = CommonOptions.Ranged(
        "--iterations", PasswordHash.DefaultIterations, PasswordHash.MinIterations, 10_000_000, $"PBKDF2-SHA256 iterations (at least {PasswordHash.MinIterations}).");

    public static Command Create()
    {
        var command = new Command("hash-password", "Hash a password read from stdin for 'serve --auth-file' (one user:hash per line).");
        command.Options.Add(User);
        command.Options.Add(Iterations);
        command.SetAction(result => Run(
            Console.IsInputRedirected ? Console.In.ReadLine() : Prompt(),
            result.GetValue(User),
            result.GetValue(Iterations),
            Console.Out,
            Console.Error));
        return command;
    }

    public static int Run(string? password, string? user, int iterations, TextWriter output, TextWriter error)
    {
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("error: no password given: type it when asked, or pipe it in, e.g. pistream hash-password < password.txt");
            return ExitCodes.BadInput;
        }

        var hash = PasswordHash.Create(password, iterations).ToString();
        output.WriteLine(user is null ? hash : $"{user}:{hash}");
        return ExitCodes.Ok;
    }

    private static string? Prompt()
    {
        var first = ReadHidden("Password: ");
        var second = ReadHidden("Again: ");
        if (first != second)
        {
            Console.Error.WriteLine("The two passwords differ.");
            return null;
        }

        return first;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                text.Length = Math.Max(0, text.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }

    private static string? ParseUser(System.CommandLine.Parsing.ArgumentResult result)
    {
        var user = ValueParsers.Token(result);
        if (user.Length == 0 || user.Contains(':', StringComparison.Ordinal) || user.Any(char.IsWhiteSpace))
        {
            result.AddError($"--user '{user}' cannot be used: give a name without ':' or spaces, e.g. --user alice.");
            return null;
        }

        return user;
    }
}
