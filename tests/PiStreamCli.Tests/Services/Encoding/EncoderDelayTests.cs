using Microsoft.Extensions.Logging.Abstractions;
using PiStream.Services.Broadcast;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;

namespace PiStream.Tests.Services.Encoding;

/// <summary>
/// The real ffmpeg encodes each frame as soon as it has it: without <c>-flags +low_delay</c> the MPEG-1
/// encoder holds every frame until the next one arrives, one frame interval of latency.
/// </summary>
public sealed class EncoderDelayTests
{
    [Fact]
    public async Task Each_frame_comes_out_before_the_next_goes_in()
    {
        var format = new VideoFormat(320, 240, 30);
        var published = new List<TaskCompletionSource>();
        for (var i = 0; i < 3; i++)
        {
            published.Add(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        var count = 0;
        await using var encoder = LiveEncoder.Start(
            FfmpegLocator.Require(),
            new EncoderSettings(format, 500_000, 30),
            new StreamMessagePool(),
            frame =>
            {
                if (count < published.Count)
                {
                    published[count++].SetResult();
                }
            },
            NullLogger.Instance);

        var raw = new byte[format.FrameSize];
        for (var i = 0; i < published.Count; i++)
        {
            new TestPattern(format).Paint(raw, i);
            await encoder.WriteFrameAsync(raw);
            await published[i].Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
    }
}
