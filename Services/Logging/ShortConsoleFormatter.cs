using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace PiStream.Services.Logging;

/// <summary>
/// One line per message, in pistreaming's spirit: <c>14:02:11 info  StreamHost: Initializing camera ...</c>.
/// The category is shortened to its last part (the class), and an exception follows on its own lines.
/// </summary>
internal sealed class ShortConsoleFormatter(IOptionsMonitor<ConsoleFormatterOptions> options) : ConsoleFormatter(FormatName)
{
    public const string FormatName = "pistream";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message.Length == 0 && logEntry.Exception is null)
        {
            return;
        }

        var format = options.CurrentValue.TimestampFormat ?? "HH:mm:ss ";
        var now = options.CurrentValue.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now;
        textWriter.Write(now.ToString(format, System.Globalization.CultureInfo.InvariantCulture));
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(' ');
        textWriter.Write(ShortCategory(logEntry.Category));
        textWriter.Write(": ");
        textWriter.WriteLine(message);
        if (logEntry.Exception is { } exception)
        {
            textWriter.WriteLine(exception.ToString());
        }
    }

    /// <summary>"PiStream.Commands.ServeCommand" becomes "ServeCommand".</summary>
    public static string ShortCategory(string category)
    {
        var dot = category.LastIndexOf('.');
        return dot < 0 || dot == category.Length - 1 ? category : category[(dot + 1)..];
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "    ",
    };
}
