using PiStream.Services.Detection;
using PiStream.Tests;
using Xunit;

namespace PiStream.Tests.Services.Detection;

public sealed class V4l2FormatListParserTests
{
    [Fact]
    public void Usb_webcam_gives_formats_discrete_sizes_and_frame_rates()
    {
        var formats = V4l2FormatListParser.Parse(TestFixtures.Read("v4l2/usb-webcam/video0-formats.txt"));

        Assert.Equal([("YUYV", "YUYV 4:2:2"), ("MJPG", "Motion-JPEG, compressed")], formats.Select(f => (f.FourCc, f.Description)));
        var yuyv = formats[0];
        Assert.Equal(["640x480", "160x90", "320x240", "800x600", "1280x720", "1920x1080"], yuyv.Sizes.Select(s => $"{s.Width}x{s.Height}"));
        Assert.Equal([30.0, 24.0, 20.0, 15.0, 10.0, 7.5, 5.0], yuyv.Sizes[0].Fps);
        Assert.Equal([5.0], yuyv.Sizes[5].Fps);
        Assert.All(yuyv.Sizes, size => Assert.False(size.IsRange));
        Assert.Equal(30.0, formats[1].Sizes.Single(s => s.Width == 1920).Fps[0]);
    }

    [Fact]
    public void Legacy_bcm2835_gives_stepwise_ranges()
    {
        var formats = V4l2FormatListParser.Parse(TestFixtures.Read("v4l2/legacy-bcm2835/video0-formats.txt"));

        Assert.Equal(14, formats.Count);
        Assert.Equal(("YU12", "Planar YUV 4:2:0"), (formats[0].FourCc, formats[0].Description));
        Assert.Equal(("RX24", "32-bit XBGR 8-8-8-8"), (formats[13].FourCc, formats[13].Description));
        var size = Assert.Single(formats[0].Sizes);
        Assert.True(size.IsRange);
        Assert.Equal((32, 32, 3280, 2464), (size.MinWidth, size.MinHeight, size.Width, size.Height));
        Assert.Empty(size.Fps);
    }

    [Fact]
    public void Metadata_node_has_no_formats()
    {
        Assert.Empty(V4l2FormatListParser.Parse(TestFixtures.Read("v4l2/usb-webcam/video1-formats.txt")));
    }

    [Fact]
    public void Stepwise_interval_takes_the_highest_frame_rate()
    {
        const string output = "\t[0]: 'GREY' (8-bit Greyscale)\n\t\tSize: Discrete 640x480\n\t\t\tInterval: Stepwise 0.033s - 1.000s with step 0.001s (1.000-30.000 fps)\n";

        var size = Assert.Single(Assert.Single(V4l2FormatListParser.Parse(output)).Sizes);

        Assert.Equal([30.0], size.Fps);
    }
}
