using Microsoft.Extensions.Logging;

namespace PiStream.Services.Logging;

/// <summary>One line per message with a time stamp; the framework's own chatter only from warnings up.</summary>
internal static class ConsoleLogging
{
    public static ILoggerFactory Create(LogLevel minimum = LogLevel.Information) => LoggerFactory.Create(logging => logging
        .SetMinimumLevel(minimum)
        .AddFilter("Microsoft", LogLevel.Warning)
        .AddFilter("System", LogLevel.Warning)
        .AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
            console.IncludeScopes = false;
        }));
}
