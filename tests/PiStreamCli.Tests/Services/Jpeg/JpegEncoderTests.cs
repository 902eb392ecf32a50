using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;
using PiStream.Services.Jpeg;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Jpeg;

/// <summary>The real ffmpeg as a long-running JPEG encoder: one JPEG per frame, at once, of the right size and picture.</summary>
public sealed class JpegEncoderTests
{
    private static readonly VideoFormat Format = new(320, 240, 30);

    [Fact]
    public async Task Each_frame_comes_out_as_its_own_JPEG_before_the_next_goes_in()
    {
        var pictures = Channel.CreateUnbounded<JpegFrame>();
        await using var encoder = JpegEncoder.Start(FfmpegLocator.Require(), JpegEncoderSettings.For(Format, null), frame => pictures.Writer.TryWrite(frame), NullLogger.Instance);

        var raw = new byte[Format.FrameSize];
        for (var i = 1; i <= 3; i++)
        {
            new TestPattern(Format).Paint(raw, i);
            FrameStamp.Paint(raw, Format.Width, Format.Height, 1_000_000 + i);
            var sequence = encoder.Offer(raw);
            var picture = await pictures.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

            Assert.Equal(sequence, picture.Sequence);
            Assert.Equal(1_000_000 + i, await JpegDecoder.ReadStampAsync(picture.Data, Format.Width, Format.Height));
            Assert.True(picture.EncodedAt >= picture.OfferedAt);
        }

        Assert.Equal(0, encoder.Dropped);
    }

    [Fact]
    public async Task A_width_gives_a_smaller_copy_of_the_same_shape()
    {
        var pictures = Channel.CreateUnbounded<JpegFrame>();
        await using var encoder = JpegEncoder.Start(FfmpegLocator.Require(), JpegEncoderSettings.For(Format, 160), frame => pictures.Writer.TryWrite(frame), NullLogger.Instance);

        var raw = new byte[Format.FrameSize];
        new TestPattern(Format).Paint(raw, 0);
        encoder.Offer(raw);
        var picture = await pictures.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(("mjpeg", 160, 120), await JpegDecoder.ProbeAsync(picture.Data));
    }

    [Fact]
    public async Task While_ffmpeg_is_busy_only_the_newest_frame_waits()
    {
        var pictures = Channel.CreateUnbounded<JpegFrame>();
        await using var encoder = JpegEncoder.Start(FfmpegLocator.Require(), JpegEncoderSettings.For(Format, null), frame => pictures.Writer.TryWrite(frame), NullLogger.Instance);

        var raw = new byte[Format.FrameSize];
        long last = 0;
        for (var i = 0; i < 200; i++)
        {
            new TestPattern(Format).Paint(raw, i);
            last = encoder.Offer(raw);
        }

        var sequences = new List<long>();
        while (sequences.Count == 0 || sequences[^1] != last)
        {
            sequences.Add((await pictures.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15))).Sequence);
        }

        Assert.True(encoder.Dropped > 0, "200 frames offered at once were all queued");
        Assert.Equal(200 - encoder.Dropped, sequences.Count);
        Assert.Equal(sequences.Order(), sequences);
    }

    [Fact]
    public async Task A_frame_of_the_wrong_size_is_refused()
    {
        await using var encoder = JpegEncoder.Start(FfmpegLocator.Require(), JpegEncoderSettings.For(Format, null), _ => { }, NullLogger.Instance);

        var error = Assert.Throws<ArgumentException>(() => encoder.Offer(new byte[10]));
        Assert.Contains($"{Format.FrameSize} bytes", error.Message);
    }
}
