using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using PiStream.Services.Logging;

namespace PiStream.Tests.Services.Logging;

public sealed class ShortConsoleFormatterTests
{
    [Fact]
    public void A_message_is_one_line_with_time_level_and_the_class()
    {
        var text = Format(LogLevel.Warning, "PiStream.Services.Hosting.StreamHost", "no camera found", null);

        Assert.Matches(@"^\d\d:\d\d:\d\d warn StreamHost: no camera found\r?\n$", text);
    }

    [Fact]
    public void An_exception_follows_on_its_own_lines()
    {
        var text = Format(LogLevel.Error, "Program", "failed", new InvalidOperationException("boom"));

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("fail Program: failed", lines[0].TrimEnd('\r'));
        Assert.Contains("InvalidOperationException: boom", lines[1]);
    }

    private static string Format(LogLevel level, string category, string message, Exception? exception)
    {
        var options = new StaticOptions(new ConsoleFormatterOptions { TimestampFormat = "HH:mm:ss " });
        var formatter = new ShortConsoleFormatter(options);
        using var writer = new StringWriter();
        formatter.Write(new LogEntry<string>(level, category, default, message, exception, (state, _) => state), null, writer);
        return writer.ToString();
    }

    private sealed class StaticOptions(ConsoleFormatterOptions value) : IOptionsMonitor<ConsoleFormatterOptions>
    {
        public ConsoleFormatterOptions CurrentValue => value;

        public ConsoleFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ConsoleFormatterOptions, string?> listener) => null;
    }
}
