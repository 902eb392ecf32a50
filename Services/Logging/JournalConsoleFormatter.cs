using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace PiStream.Services.Logging;

/// <summary>
/// For journald: each line starts with its syslog priority (<c>&lt;4&gt;StreamHost: ...</c>, sd-daemon(3)), so
/// <c>journalctl -p warning</c> finds warnings; no time stamp, because the journal stamps every line itself.
/// An exception's lines carry the same priority.
/// </summary>
internal sealed class JournalConsoleFormatter() : ConsoleFormatter(FormatName)
{
    public const string FormatName = "pistream-journal";

    /// <summary>systemd sets it for a service whose output goes to the journal.</summary>
    public const string JournalStreamVariable = "JOURNAL_STREAM";

    /// <summary>True when standard output goes to the journal rather than a terminal.</summary>
    public static bool IsJournal(string? journalStream, bool outputRedirected) => !string.IsNullOrEmpty(journalStream) && outputRedirected;

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message.Length == 0 && logEntry.Exception is null)
        {
            return;
        }

        var prefix = $"<{Priority(logEntry.LogLevel)}>";
        var category = ShortConsoleFormatter.ShortCategory(logEntry.Category);
        var first = true;
        foreach (var line in message.ReplaceLineEndings("\n").Split('\n'))
        {
            textWriter.Write(prefix);
            if (first)
            {
                textWriter.Write(category);
                textWriter.Write(": ");
                first = false;
            }

            textWriter.WriteLine(line);
        }

        if (logEntry.Exception is { } exception)
        {
            foreach (var line in exception.ToString().ReplaceLineEndings("\n").Split('\n'))
            {
                textWriter.Write(prefix);
                textWriter.WriteLine(line);
            }
        }
    }

    /// <summary>The syslog priority of a log level: 2 critical, 3 error, 4 warning, 6 info, 7 debug.</summary>
    public static int Priority(LogLevel level) => level switch
    {
        LogLevel.Critical => 2,
        LogLevel.Error => 3,
        LogLevel.Warning => 4,
        LogLevel.Information => 6,
        _ => 7,
    };
}
