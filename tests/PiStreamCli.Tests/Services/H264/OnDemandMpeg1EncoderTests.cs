using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;
using PiStream.Services.H264;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.H264;

/// <summary>The MPEG-1 encoder for pistreaming's clients runs (real ffmpeg) only while one is connected.</summary>
public sealed class OnDemandMpeg1EncoderTests
{
    [Fact]
    public async Task It_starts_with_the_first_client_and_stops_after_the_last_leaves()
    {
        var format = new VideoFormat(320, 240, 24);
        var clients = 0;
        var published = new List<(byte[] Data, bool Key)>();
        var resets = 0;
        var encoder = new OnDemandMpeg1Encoder(
            LiveEncoderPlan.Mpeg1(FfmpegLocator.Require(), new EncoderSettings(format, 400_000, 12)),
            format.FrameSize,
            () => Volatile.Read(ref clients),
            frame => { lock (published) { published.Add((frame.Data.ToArray(), frame.IsKeyframe)); } },
            () => Interlocked.Increment(ref resets),
            NullLogger.Instance) { IdleGrace = TimeSpan.FromMilliseconds(300) };
        using var stop = new CancellationTokenSource();
        var running = encoder.RunAsync(stop.Token);
        using var frames = new CancellationTokenSource();
        var source = new TestPatternSource(format, TimeProvider.System).RunAsync((frame, _) => { encoder.Offer(frame.Span); return ValueTask.CompletedTask; }, frames.Token);

        await Task.Delay(500);
        Assert.False(encoder.IsRunning);
        Assert.Empty(published);

        Volatile.Write(ref clients, 1);
        await WaitUntilAsync(() => Count(published) >= 24);
        Assert.True(encoder.IsRunning);
        Assert.True(published[0].Key, "the first message starts with a sequence header");
        Assert.Equal(0, published[0].Data.Length % 188);
        Assert.Equal("I", (await Ffprobe.PictureTypesAsync(published[0].Data))[0]);

        Volatile.Write(ref clients, 0);
        await WaitUntilAsync(() => !encoder.IsRunning && Volatile.Read(ref resets) == 1);
        var afterStop = Count(published);
        await Task.Delay(500);
        Assert.Equal(afterStop, Count(published));

        Volatile.Write(ref clients, 2);
        await WaitUntilAsync(() => Count(published) > afterStop + 5);
        Assert.Equal(2, encoder.Runs);

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        await frames.CancelAsync();
        await source.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
    }

    private static int Count(List<(byte[] Data, bool Key)> published)
    {
        lock (published)
        {
            return published.Count;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }
}
