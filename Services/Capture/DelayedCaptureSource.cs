using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;

namespace PiStream.Services.Capture;

/// <summary>
/// Test aid (hidden <c>serve --debug-delay-ms</c>): holds each raw frame of another source for a fixed
/// time before it goes to the encoder, without slowing the source down. Benchmarks use it to check that
/// the latency they measure moves by exactly the delay added. Only used when a delay is asked for.
/// </summary>
internal sealed class DelayedCaptureSource(ICaptureSource inner, TimeSpan delay) : ICaptureSource
{
    public string Description => inner.Description;

    public bool AppliesFlips => inner.AppliesFlips;

    public TimeSpan Delay => delay;

    public async Task RunAsync(FrameSink sink, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var held = Channel.CreateUnbounded<(byte[] Frame, long DueAt)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var spare = new ConcurrentQueue<byte[]>();
        var delayTicks = (long)(delay.TotalSeconds * Stopwatch.Frequency);
        var forwarding = ForwardAsync(held.Reader, spare, sink, stop.Token);
        try
        {
            await inner.RunAsync(
                (frame, _) =>
                {
                    var copy = spare.TryDequeue(out var reused) && reused.Length == frame.Length ? reused : new byte[frame.Length];
                    frame.Span.CopyTo(copy);
                    held.Writer.TryWrite((copy, Stopwatch.GetTimestamp() + delayTicks));
                    return forwarding.IsCompleted ? new ValueTask(forwarding) : ValueTask.CompletedTask;
                },
                stop.Token);
        }
        finally
        {
            held.Writer.TryComplete();
            await stop.CancelAsync();
            await forwarding.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task ForwardAsync(ChannelReader<(byte[] Frame, long DueAt)> held, ConcurrentQueue<byte[]> spare, FrameSink sink, CancellationToken cancellationToken)
    {
        await foreach (var (frame, dueAt) in held.ReadAllAsync(cancellationToken))
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), dueAt);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            await sink(frame, cancellationToken);
            spare.Enqueue(frame);
        }
    }
}
