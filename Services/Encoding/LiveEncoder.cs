using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;
using PiStream.Services.Processes;

namespace PiStream.Services.Encoding;

/// <summary>
/// The running ffmpeg that turns raw frames into the live MPEG-1 stream. Frames go in through
/// <see cref="WriteFrameAsync"/>; its output is cut into frames by a <see cref="TsFrameAssembler"/> and
/// published as it arrives. <see cref="Completion"/> finishes when ffmpeg's output ends (it exited).
/// </summary>
internal sealed class LiveEncoder : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly TsFrameAssembler _assembler;

    private LiveEncoder(ChildProcess process, TsFrameAssembler assembler)
    {
        _process = process;
        _assembler = assembler;
        Completion = PumpOutputAsync();
    }

    public Task Completion { get; }

    public static LiveEncoder Start(string ffmpegPath, EncoderSettings settings, StreamMessagePool pool, Action<StreamMessage> publish, ILogger logger)
    {
        var process = ChildProcess.Start(ffmpegPath, EncoderArguments.Build(settings), logger);
        return new LiveEncoder(process, new TsFrameAssembler(pool, publish));
    }

    /// <summary>
    /// Writes one raw frame whole. It takes no cancellation token on purpose: cancelling halfway would hand
    /// ffmpeg half a frame. A stop closes stdin between frames, and an ffmpeg that stops reading is killed,
    /// which ends a pending write.
    /// </summary>
    public ValueTask WriteFrameAsync(ReadOnlyMemory<byte> frame) =>
        _process.Input.WriteAsync(frame, CancellationToken.None);

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
