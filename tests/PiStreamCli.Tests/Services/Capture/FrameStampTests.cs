using PiStream.Services.Capture;

namespace PiStream.Tests.Services.Capture;

/// <summary>The capture time painted into test frames reads back exactly, and damage is detected.</summary>
public sealed class FrameStampTests
{
    [Theory]
    [InlineData(640, 480)]
    [InlineData(320, 240)]
    [InlineData(1280, 720)]
    public void Painted_time_reads_back(int width, int height)
    {
        var frame = new byte[width * height * 3 / 2];
        var time = 1_795_000_000_123L;

        FrameStamp.Paint(frame, width, height, time);

        Assert.True(FrameStamp.TryRead(frame, width, out var read));
        Assert.Equal(time & ((1L << 40) - 1), read);
    }

    [Fact]
    public void A_flipped_block_fails_the_check()
    {
        var frame = new byte[640 * 480 * 3 / 2];
        FrameStamp.Paint(frame, 640, 480, 1_795_000_000_123L);
        var x = 5 * FrameStamp.BlockSize + 8;
        frame[8 * 640 + x] = frame[8 * 640 + x] == FrameStamp.One ? FrameStamp.Zero : FrameStamp.One;

        Assert.False(FrameStamp.TryRead(frame, 640, out _));
    }

    [Fact]
    public void Test_pattern_moves_between_frames()
    {
        var format = new VideoFormat(320, 240, 24);
        var pattern = new TestPattern(format);
        var first = new byte[format.FrameSize];
        var second = new byte[format.FrameSize];
        pattern.Paint(first, 0);
        pattern.Paint(second, 1);
        var changed = first.Zip(second).Count(pair => pair.First != pair.Second);
        Assert.True(changed > format.Width * format.Height / 4, $"{changed} bytes changed");
    }
}
