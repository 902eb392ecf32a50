using Microsoft.Extensions.Logging;

namespace PiStream.Services.Logging;

/// <summary>
/// One line per message with a time stamp and the class that speaks (<see cref="ShortConsoleFormatter"/>); the framework's own chatter only from warnings up, and not the
/// host's start-up failures (a taken port), which pistream reports itself with the fix.
/// </summary>
internal static class ConsoleLogging
{
    public static ILoggerFactory Create(LogLevel minimum = LogLevel.Information) => LoggerFactory.Create(logging => logging
        .SetMinimumLevel(minimum)
        .AddFilter("Microsoft", LogLevel.Warning)
        .AddFilter("System", LogLevel.Warning)
        .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None)
        .AddConsole(console => console.FormatterName = ShortConsoleFormatter.FormatName)
        .AddConsoleFormatter<ShortConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>(format =>
        {
            format.TimestampFormat = "HH:mm:ss ";
            format.IncludeScopes = false;
        }));
}
