using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Logging;

namespace PiStream.Tests.Services.Logging;

public sealed class JournalConsoleFormatterTests
{
    [Theory]
    [InlineData(LogLevel.Critical, "<2>")]
    [InlineData(LogLevel.Error, "<3>")]
    [InlineData(LogLevel.Warning, "<4>")]
    [InlineData(LogLevel.Information, "<6>")]
    [InlineData(LogLevel.Debug, "<7>")]
    public void A_line_starts_with_its_syslog_priority_and_no_time(LogLevel level, string prefix)
    {
        var text = Format(level, "PiStream.Services.Hosting.StreamHost", "no camera found", null);

        Assert.Equal($"{prefix}StreamHost: no camera found\n", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Every_line_of_an_exception_keeps_the_priority()
    {
        var text = Format(LogLevel.Error, "Program", "failed\nsecond line", Thrown());

        var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("<3>Program: failed", lines[0]);
        Assert.Equal("<3>second line", lines[1]);
        Assert.StartsWith("<3>System.InvalidOperationException: boom", lines[2]);
        Assert.True(lines.Length > 3, "the stack trace is missing");
        Assert.All(lines, line => Assert.StartsWith("<3>", line));
    }

    [Theory]
    [InlineData("8:12345", true, true)]
    [InlineData("8:12345", false, false)]
    [InlineData(null, true, false)]
    [InlineData("", true, false)]
    public void The_journal_is_used_only_when_systemd_connected_the_output_to_it(string? journalStream, bool redirected, bool expected)
    {
        Assert.Equal(expected, JournalConsoleFormatter.IsJournal(journalStream, redirected));
    }

    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }

    private static string Format(LogLevel level, string category, string message, Exception? exception)
    {
        var formatter = new JournalConsoleFormatter();
        using var writer = new StringWriter();
        formatter.Write(new LogEntry<string>(level, category, default, message, exception, (state, _) => state), null, writer);
        return writer.ToString();
    }
}
