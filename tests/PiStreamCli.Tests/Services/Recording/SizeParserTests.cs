using PiStream.Services.Recording;
using Xunit;

namespace PiStream.Tests.Services.Recording;

public sealed class SizeParserTests
{
    [Theory]
    [InlineData("10GB", 10_000_000_000)]
    [InlineData("500MB", 500_000_000)]
    [InlineData("1.5G", 1_500_000_000)]
    [InlineData("64k", 64_000)]
    [InlineData("2GiB", 2L * 1024 * 1024 * 1024)]
    [InlineData("512MiB", 512L * 1024 * 1024)]
    [InlineData("4096", 4096)]
    [InlineData("10 gb", 10_000_000_000)]
    public void Reads_sizes_in_decimal_and_binary_units(string text, long bytes)
    {
        Assert.True(SizeParser.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GB")]
    [InlineData("10XB")]
    [InlineData("0")]
    [InlineData("-1GB")]
    public void Rejects_what_is_not_a_size(string text)
    {
        Assert.False(SizeParser.TryParse(text, out _));
    }

    [Theory]
    [InlineData(812, "812 B")]
    [InlineData(12_345, "12.3 kB")]
    [InlineData(4_500_000, "4.5 MB")]
    [InlineData(1_200_000_000, "1.20 GB")]
    public void Formats_sizes_for_people(long bytes, string expected)
    {
        Assert.Equal(expected, SizeParser.Format(bytes));
    }
}
