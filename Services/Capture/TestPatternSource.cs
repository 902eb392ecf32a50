namespace PiStream.Services.Capture;

/// <summary>
/// A camera stand-in generated in-process: the <see cref="TestPattern"/> with the capture time stamped
/// into each frame (<see cref="FrameStamp"/>), paced at the configured frame rate.
/// </summary>
internal sealed class TestPatternSource(VideoFormat format, TimeProvider time) : ICaptureSource
{
    public string Description => "test pattern";

    public bool AppliesFlips => false;

    public async Task RunAsync(FrameSink sink, CancellationToken cancellationToken)
    {
        var frame = new byte[format.FrameSize];
        var pattern = new TestPattern(format);
        using var timer = new PeriodicTimer(format.FrameInterval, time);
        long index = 0;
        do
        {
            pattern.Paint(frame, index++);
            FrameStamp.Paint(frame, format.Width, format.Height, time.GetUtcNow().ToUnixTimeMilliseconds());
            await sink(frame, cancellationToken);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }
}
