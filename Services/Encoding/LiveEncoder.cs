using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;
using PiStream.Services.Processes;

namespace PiStream.Services.Encoding;

/// <summary>
/// The running encoder (ffmpeg, or rpicam-vid encoding by itself) that makes the live stream. Raw frames go
/// in through <see cref="WriteFrameAsync"/>; its output is cut into one message per picture by the plan's
/// <see cref="IEncodedStreamSplitter"/> and published as it arrives. <see cref="Completion"/> finishes
/// when the encoder's output ends (it exited).
/// </summary>
internal sealed class LiveEncoder : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly IEncodedStreamSplitter _assembler;
    private readonly PendingFrames? _pending;
    private bool _pipeSized;

    private LiveEncoder(ChildProcess process, IEncodedStreamSplitter assembler, PendingFrames? pending)
    {
        _process = process;
        _assembler = assembler;
        _pending = pending;
        Completion = ContextFreeStart.Run(PumpOutputAsync); // it publishes, and so runs viewers' sends inline
    }

    public Task Completion { get; }

    /// <param name="latency">Where to record each picture's time from capture to output (the live stream's encoder; none for others).</param>
    public static LiveEncoder Start(LiveEncoderPlan plan, StreamMessagePool pool, Action<StreamMessage> publish, ILogger logger, EncodeLatency? latency = null)
    {
        var pending = latency is not null && plan.TakesRawFrames ? new PendingFrames() : null;
        var output = publish;
        if (pending is not null)
        {
            var encoder = new KeyValuePair<string, object?>("encoder", plan.Encoder);
            output = message =>
            {
                if (pending.TryTake(out var capturedAt))
                {
                    latency!.Record(capturedAt, encoder);
                }

                publish(message);
            };
        }

        var process = ChildProcess.Start(plan.Program, plan.Arguments, logger);
        return new LiveEncoder(process, plan.Splitter(pool, output), pending);
    }

    /// <summary>
    /// Writes one raw frame whole, captured at <paramref name="capturedAt"/> (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>;
    /// 0: now). It takes no cancellation token on purpose: cancelling halfway would hand ffmpeg half a frame. A stop
    /// closes stdin between frames, and an ffmpeg that stops reading is killed, which ends a pending write.
    /// </summary>
    public ValueTask WriteFrameAsync(ReadOnlyMemory<byte> frame, long capturedAt = 0)
    {
        _pending?.TryAdd(capturedAt != 0 ? capturedAt : System.Diagnostics.Stopwatch.GetTimestamp());
        if (!_pipeSized)
        {
            _pipeSized = true;
            PipeBuffers.Enlarge(_process.Input, frame.Length); // one write per frame instead of one per 64 KiB
        }

        return _process.Input.WriteAsync(frame, CancellationToken.None);
    }

    public string DescribeExit() => _process.DescribeExit();

    /// <summary>Kills ffmpeg at once (tests and fault injection use it; a restart follows).</summary>
    public void Kill() => _process.Kill();

    public int ProcessId => _process.Id;

    public async ValueTask DisposeAsync()
    {
        await _process.StopAsync(TimeSpan.FromSeconds(1));
        await Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _assembler.Reset();
        await _process.DisposeAsync();
    }

    private async Task PumpOutputAsync()
    {
        await Task.Yield();
        var buffer = new byte[64 * 1024];
        var output = _process.Output;
        int read;
        while ((read = await output.ReadAsync(buffer)) > 0)
        {
            _assembler.Push(buffer.AsSpan(0, read));
        }
    }
}
