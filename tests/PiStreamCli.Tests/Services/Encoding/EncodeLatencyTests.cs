using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Broadcast;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;
using PiStream.Services.H264;

namespace PiStream.Tests.Services.Encoding;

/// <summary>
/// pistream.encode.latency with the real ffmpeg: each picture that comes out is timed from the capture of the frame it
/// was made from. One frame is stamped as captured 30 s earlier: its own picture, and no other, must show it.
/// </summary>
public sealed class EncodeLatencyTests
{
    private static readonly TimeSpan Old = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("mpeg1video")]
    [InlineData("libx264")]
    public async Task Each_picture_is_timed_from_the_capture_of_its_own_frame(string encoderName)
    {
        await using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = provider.GetRequiredService<IMeterFactory>();
        var samples = new List<(double Seconds, string? Encoder)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "pistream.encode.latency")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            lock (samples)
            {
                samples.Add((value, tags.ToArray().Single(tag => tag.Key == "encoder").Value as string));
            }
        });
        listener.Start();

        var format = new VideoFormat(320, 240, 30);
        var codec = encoderName == "libx264" ? VideoCodec.H264 : VideoCodec.Mpeg1;
        var pictures = 0;
        await using var encoder = LiveEncoder.Start(
            H264Plans.For(new LiveEncoderChoice(codec, encoderName, "test"), FfmpegLocator.Require(), new EncoderSettings(format, 500_000, 30)),
            new StreamMessagePool(),
            _ => Interlocked.Increment(ref pictures),
            NullLogger.Instance,
            new EncodeLatency(meters));

        var raw = new byte[format.FrameSize];
        for (var i = 0; i < 4; i++)
        {
            new TestPattern(format).Paint(raw, i);
            var capturedAt = Stopwatch.GetTimestamp() - (i == 1 ? (long)(Old.TotalSeconds * Stopwatch.Frequency) : 0);
            await encoder.WriteFrameAsync(raw, capturedAt);
            var clock = Stopwatch.StartNew();
            while (Volatile.Read(ref pictures) <= i)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"picture {i} did not come out");
                await Task.Delay(5);
            }
        }

        lock (samples)
        {
            Assert.Equal(4, samples.Count);
            Assert.All(samples, sample => Assert.Equal(encoderName, sample.Encoder));
            Assert.True(samples[1].Seconds >= Old.TotalSeconds, $"the old frame's picture took {samples[1].Seconds} s");
            Assert.All(new[] { samples[0], samples[2], samples[3] }, sample => Assert.InRange(sample.Seconds, 0, Old.TotalSeconds - 1));
        }
    }
}
