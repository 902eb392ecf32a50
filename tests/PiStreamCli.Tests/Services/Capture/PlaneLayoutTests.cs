using PiStream.Tests.Support;

using PiStream.Services.Capture;

namespace PiStream.Tests.Services.Capture;

/// <summary>Row padding as rpicam-vid writes it is stripped, so odd multiples of 64 come out right.</summary>
public sealed class PlaneLayoutTests
{
    [Theory]
    [InlineData(640, 480, 640, 320)]
    [InlineData(100, 50, 128, 64)]
    [InlineData(1640, 1232, 1664, 832)]
    public void Aligned_rows_round_up_to_64_bytes(int width, int height, int luma, int chroma)
    {
        var layout = PlaneLayout.Aligned(width, height, 64);
        Assert.Equal(luma, layout.LumaStride);
        Assert.Equal(chroma, layout.ChromaStride);
        Assert.Equal(luma * height + chroma * height, layout.PaddedFrameSize);
        Assert.Equal(width % 64 == 0, layout.IsTight);
    }

    [Fact]
    public void Copy_tight_keeps_every_visible_pixel_and_drops_the_padding()
    {
        var layout = PlaneLayout.Aligned(100, 6, 64);
        var padded = SyntheticFrame.Padded(layout);
        var tight = new byte[100 * 6 * 3 / 2];

        layout.CopyTight(padded, tight);

        Assert.Equal(SyntheticFrame.Tight(100, 6), tight);
    }
}
