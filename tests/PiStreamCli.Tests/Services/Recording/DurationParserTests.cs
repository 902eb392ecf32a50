using PiStream.Services.Recording;
using Xunit;

namespace PiStream.Tests.Services.Recording;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1.5h", 5400)]
    [InlineData("7d", 604800)]
    [InlineData("1h30m", 5400)]
    [InlineData("500ms", 0.5)]
    [InlineData("90", 90)]
    [InlineData(" 2M ", 120)]
    public void Reads_durations_as_people_write_them(string text, double seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("5x")]
    [InlineData("0s")]
    [InlineData("-5s")]
    [InlineData("5 minutes")]
    [InlineData("m5")]
    public void Rejects_what_is_not_a_positive_duration(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _));
    }
}
