using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Broadcast;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;
using PiStream.Services.H264;
using PiStream.Services.Muxing;
using PiStream.Services.Recording;
using PiStream.Tests.Support;
using Xunit;

namespace PiStream.Tests.Services.Recording;

/// <summary>
/// The recorder behind <c>serve --record</c>, copying the H.264 of an <see cref="H264Source"/> (here its own libx264,
/// as when the live stream is MPEG-1) fed frames whose picture carries their frame number.
/// </summary>
public sealed class SegmentRecorderTests : IDisposable
{
    private static readonly VideoFormat Format = new(320, 240, 24);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Cuts_playable_segments_that_follow_each_other_without_a_missing_frame()
    {
        var settings = new SegmentSettings(_folder.Path, TimeSpan.FromSeconds(2), RetentionPolicy.KeepAll, RecordingContainer.Mp4);
        var recorder = new SegmentRecorder("ffmpeg", settings, Format.Framerate, TimeProvider.System, NullLogger<SegmentRecorder>.Instance);
        var hub = new RawFrameHub();
        var encoder = H264Plans.For(new LiveEncoderChoice(VideoCodec.H264, LiveEncoders.LibX264, "test"), "ffmpeg", new EncoderSettings(Format, 800_000, Format.Framerate));
        using var source = new H264Source(new Broadcaster(new StreamStats()), hub, encoder, Format, NullLogger<H264Source>.Instance);
        using var subscription = source.Subscribe(recorder.Offer);
        await source.StartAsync(CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var running = recorder.RunAsync(stop.Token);

        const int frames = 24 * 7;
        var frame = new byte[Format.FrameSize];
        var pattern = new TestPattern(Format);
        using var timer = new PeriodicTimer(Format.FrameInterval);
        for (var index = 0; index < frames; index++)
        {
            pattern.Paint(frame, index);
            FrameStamp.Paint(frame, Format.Width, Format.Height, index);
            hub.Offer(frame);
            await timer.WaitForNextTickAsync();
        }

        await source.StopAsync(CancellationToken.None); // the encoder's last pictures reach the recorder's queue
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));

        // The encoder's queue and the recorder drop rather than slow the live stream; on a loaded test machine they may
        // have to. Every frame kept must then still be in order, once, with the drops accounted for (a picture the
        // recorder drops takes the rest of its group of pictures with it); with no drop, nothing may be missing.
        Assert.Equal(1, source.EncoderStarts);
        var dropped = (int)(source.FramesDropped + recorder.FramesDropped);
        Assert.InRange(dropped, 0, frames / 2);
        // The copy is timed by picture count and cut at the first keyframe (one every 24 pictures) after each 2 s: a
        // segment per 48 pictures kept (4 when nothing was dropped).
        var segments = Directory.GetFiles(_folder.Path, "*.mp4").Order(StringComparer.Ordinal).ToList();
        var expected = (frames - dropped + 47) / 48;
        var slack = recorder.FramesDropped > 0 ? 1 : 0; // the recorder's own drops end a group of pictures early
        Assert.InRange(segments.Count, expected - slack, expected + slack);
        Assert.Equal(segments.Count, recorder.SegmentsCompleted);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.part"));
        foreach (var segment in segments)
        {
            // Named in UTC, marked Z: names do not repeat when clocks go back.
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}Z\.mp4$", Path.GetFileName(segment));
            Assert.True(SegmentName.TryParseFinished(Path.GetFileName(segment), out var start));
            Assert.InRange(start, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow);
        }

        var stamps = new List<long>();
        foreach (var segment in segments)
        {
            var probe = await VideoProbe.ProbeAsync(segment);
            Assert.Equal(("h264", 320, 240), (probe.Codec, probe.Width, probe.Height));
            stamps.AddRange(await StampReader.ReadAsync(segment, Format.Width, Format.Height));
        }

        Assert.Equal(frames - dropped, stamps.Count);
        Assert.Equal(stamps.Order(), stamps);
        Assert.Equal(stamps.Count, stamps.Distinct().Count());
        if (dropped == 0)
        {
            Assert.Equal(Enumerable.Range(0, frames).Select(index => (long)index), stamps);
            Assert.Equal(48, (await StampReader.ReadAsync(segments[0], Format.Width, Format.Height)).Count);
        }
    }

    [Fact]
    public void Drops_pictures_up_to_the_next_keyframe_instead_of_waiting_when_nothing_drains_the_queue()
    {
        var settings = new SegmentSettings(_folder.Path, TimeSpan.FromSeconds(2), RetentionPolicy.KeepAll, RecordingContainer.Mp4);
        var recorder = new SegmentRecorder("ffmpeg", settings, Format.Framerate, TimeProvider.System, NullLogger<SegmentRecorder>.Instance);
        var pool = new StreamMessagePool();

        for (var i = 0; i < 100; i++)
        {
            var picture = pool.Rent();
            picture.Append([0, 0, 0, 1, (byte)(i % 24 == 0 ? 0x65 : 0x41), 0x88]);
            picture.Complete(isKeyframe: i % 24 == 0);
            recorder.Offer(picture);
            picture.Release();
        }

        // 48 fit (two seconds); the 49th finds the queue full, and everything after it waits for a keyframe that
        // finds the queue still full: 52 dropped, none waited for.
        Assert.Equal(100 - 2 * Format.Framerate, recorder.FramesDropped);
    }

    public void Dispose() => _folder.Dispose();
}
