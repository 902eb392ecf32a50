using System.Diagnostics;
using PiStream.Services.Capture;

namespace PiStream.Tests.Services.Capture;

/// <summary>The test-only frame delay (<c>serve --debug-delay-ms</c>): every frame arrives intact, in order, and not before its delay.</summary>
public sealed class DelayedCaptureSourceTests
{
    [Fact]
    public async Task Frames_arrive_intact_in_order_and_held_for_the_delay()
    {
        const int Frames = 10;
        var delay = TimeSpan.FromMilliseconds(40);
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = new DelayedCaptureSource(new CountingSource(Frames, allArrived.Task), delay);
        var received = new List<(byte Value, TimeSpan Held)>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await source.RunAsync(
            (frame, _) =>
            {
                var producedAt = BitConverter.ToInt64(frame.Span[1..9]);
                received.Add((frame.Span[0], Stopwatch.GetElapsedTime(producedAt)));
                if (received.Count == Frames)
                {
                    allArrived.SetResult();
                }

                return ValueTask.CompletedTask;
            },
            timeout.Token);

        Assert.Equal(Enumerable.Range(0, Frames).Select(i => (byte)i), received.Select(r => r.Value));
        Assert.All(received, r => Assert.True(r.Held >= delay - TimeSpan.FromMilliseconds(2), $"frame {r.Value} held only {r.Held.TotalMilliseconds} ms"));
    }

    /// <summary>Writes <paramref name="frames"/> frames as fast as it can into one reused buffer (its number, then its Stopwatch time), then waits for <paramref name="done"/>.</summary>
    private sealed class CountingSource(int frames, Task done) : ICaptureSource
    {
        public string Description => "counting";

        public bool AppliesFlips => true;

        public async Task RunAsync(FrameSink sink, CancellationToken cancellationToken)
        {
            var buffer = new byte[64];
            for (var i = 0; i < frames; i++)
            {
                buffer[0] = (byte)i;
                BitConverter.TryWriteBytes(buffer.AsSpan(1, 8), Stopwatch.GetTimestamp());
                await sink(buffer, cancellationToken);
            }

            await done.WaitAsync(cancellationToken);
        }
    }
}
