using PiStream.Services.Capture;
using PiStream.Services.Encoding;

namespace PiStream.Tests.Services.Encoding;

public sealed class EncoderArgumentsTests
{
    [Fact]
    public void Default_stream_is_mpeg1_in_mpegts_without_delay()
    {
        var arguments = EncoderArguments.Build(new EncoderSettings(new VideoFormat(640, 480, 24), 800_000, 24));
        Assert.Equal(
            "-hide_banner -loglevel warning -nostats -f rawvideo -pix_fmt yuv420p -video_size 640x480 -framerate 24 -i pipe:0 -an " +
            "-c:v mpeg1video -b:v 800000 -bf 0 -g 24 -flags +low_delay -strict unofficial -f mpegts -omit_video_pes_length 0 -muxdelay 0 -muxpreload 0 -flush_packets 1 pipe:1",
            string.Join(' ', arguments));
    }

    [Fact]
    public void Frame_rates_mpeg1_has_no_code_for_are_allowed_explicitly()
    {
        var arguments = EncoderArguments.Build(new EncoderSettings(new VideoFormat(640, 480, 15), 800_000, 15)).ToList();
        Assert.Equal("unofficial", arguments[arguments.IndexOf("-strict") + 1]);
    }

    [Fact]
    public void Flips_become_one_filter_chain()
    {
        var arguments = EncoderArguments.Build(new EncoderSettings(new VideoFormat(640, 480, 24), 800_000, 24, HorizontalFlip: true, VerticalFlip: true)).ToList();
        Assert.Equal("hflip,vflip", arguments[arguments.IndexOf("-vf") + 1]);
    }

    [Theory]
    [InlineData("800k", 800_000)]
    [InlineData("1.5M", 1_500_000)]
    [InlineData("2m", 2_000_000)]
    [InlineData("250000", 250_000)]
    public void Bitrates_read_like_ffmpeg_writes_them(string text, int bits)
    {
        Assert.True(BitrateParser.TryParse(text, out var parsed));
        Assert.Equal(bits, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fast")]
    [InlineData("-5k")]
    [InlineData("9999999M")]
    public void Nonsense_bitrates_are_refused(string text) => Assert.False(BitrateParser.TryParse(text, out _));
}
