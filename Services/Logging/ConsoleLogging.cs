using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace PiStream.Services.Logging;

/// <summary>
/// One line per message with a time stamp and the class that speaks (<see cref="ShortConsoleFormatter"/>), or with
/// syslog priorities under journald (<see cref="JournalConsoleFormatter"/>); the framework's own chatter only from
/// warnings up, and not the host's start-up failures (a taken port), which pistream reports itself with the fix.
/// </summary>
internal static class ConsoleLogging
{
    public static ILoggerFactory Create(LogLevel minimum = LogLevel.Information) => LoggerFactory.Create(logging => Configure(logging, minimum));

    public static void Configure(ILoggingBuilder logging, LogLevel minimum = LogLevel.Information)
    {
        var journal = JournalConsoleFormatter.IsJournal(Environment.GetEnvironmentVariable(JournalConsoleFormatter.JournalStreamVariable), Console.IsOutputRedirected);
        logging
            .SetMinimumLevel(minimum)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("System", LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None)
            .AddConsole(console => console.FormatterName = journal ? JournalConsoleFormatter.FormatName : ShortConsoleFormatter.FormatName);

        // Registered by hand rather than with AddConsoleFormatter, which also binds the formatter's options to
        // configuration through reflection (pistream reads no logging configuration, and the Native AOT build has none).
        logging.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ConsoleFormatter, JournalConsoleFormatter>());
        logging.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ConsoleFormatter, ShortConsoleFormatter>());
        logging.Services.Configure<ConsoleFormatterOptions>(format =>
        {
            format.TimestampFormat = "HH:mm:ss ";
            format.IncludeScopes = false;
        });
    }
}
