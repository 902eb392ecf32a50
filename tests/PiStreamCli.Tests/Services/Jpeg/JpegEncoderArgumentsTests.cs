using PiStream.Services.Capture;
using PiStream.Services.Jpeg;

namespace PiStream.Tests.Services.Jpeg;

public sealed class JpegEncoderArgumentsTests
{
    private static readonly VideoFormat Format = new(640, 480, 24);

    [Fact]
    public void Full_size_converts_to_full_range_and_passes_every_frame_through()
    {
        var arguments = JpegEncoderArguments.Build(JpegEncoderSettings.For(Format, null));

        Assert.Equal(
            "-hide_banner -loglevel warning -nostats -f rawvideo -pix_fmt yuv420p -video_size 640x480 -framerate 24 -i pipe:0 -an "
            + "-vf scale=out_range=full -pix_fmt yuv420p -color_range pc -strict unofficial -c:v mjpeg -q:v 5 -threads 1 -fps_mode passthrough -f mjpeg -flush_packets 1 pipe:1",
            string.Join(' ', arguments));
    }

    [Fact]
    public void A_smaller_width_scales_with_the_shape_kept_and_flips_first()
    {
        var arguments = JpegEncoderArguments.Build(JpegEncoderSettings.For(Format, 320, horizontalFlip: true, verticalFlip: true)).ToList();

        Assert.Equal("hflip,vflip,scale=320:240:out_range=full", arguments[arguments.IndexOf("-vf") + 1]);
    }

    [Theory]
    [InlineData(640, 480, 100, 76)]
    [InlineData(1280, 720, 320, 180)]
    [InlineData(1920, 1080, 500, 282)]
    [InlineData(640, 480, 32, 24)]
    public void The_height_follows_the_width_and_stays_even(int width, int height, int smaller, int expectedHeight)
    {
        var settings = JpegEncoderSettings.For(new VideoFormat(width, height, 30), smaller);

        Assert.Equal((smaller, expectedHeight), (settings.Width, settings.Height));
    }
}
