using PiStream.Services.Encoding;
using PiStream.Tests;
using Xunit;

namespace PiStream.Tests.Services.Encoding;

public sealed class FfmpegOutputParserTests
{
    [Fact]
    public void Debian_encoders_include_the_ones_that_matter_and_not_the_legend()
    {
        var encoders = FfmpegOutputParser.ParseEncoders(TestFixtures.Read("ffmpeg/encoders-debian12.txt"));

        Assert.Contains("mpeg1video", encoders);
        Assert.Contains("libx264", encoders);
        Assert.Contains("h264_v4l2m2m", encoders);
        Assert.Contains("a64multi", encoders);
        Assert.DoesNotContain("=", encoders);
        Assert.DoesNotContain("Video", encoders);
    }

    [Fact]
    public void Minimal_build_has_no_libx264()
    {
        const string output = "Encoders:\n V..... = Video\n A..... = Audio\n ------\n V.S... mpeg1video           MPEG-1 video\n A....D mp2                  MP2 (MPEG audio layer 2)\n";

        Assert.Equal(["mp2", "mpeg1video"], FfmpegOutputParser.ParseEncoders(output).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Version_is_taken_from_the_first_line()
    {
        Assert.Equal("5.1.9-0+deb12u1", FfmpegOutputParser.ParseVersion(TestFixtures.Read("ffmpeg/version-debian12.txt")));
        Assert.Equal("something else", FfmpegOutputParser.ParseVersion("something else\nmore"));
    }
}
