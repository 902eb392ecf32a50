using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PiStream.Services.Processes;

namespace PiStream.Services.Jpeg;

/// <summary>
/// One running ffmpeg that turns raw frames into JPEGs (<see cref="JpegEncoderArguments"/>). <see cref="Offer"/>
/// copies a frame and returns at once; while ffmpeg is busy only the newest waiting frame is kept (older ones are
/// dropped, never queued up), so the pictures stay current and the live path never waits. Each picture is handed
/// to <c>publish</c> on the output thread as soon as its last byte arrives. <see cref="Completion"/> finishes
/// when ffmpeg's output ends.
/// </summary>
internal sealed class JpegEncoder : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly Action<JpegFrame> _publish;
    private readonly int _frameSize;
    private readonly Channel<RawFrame> _waiting;
    private readonly ConcurrentQueue<byte[]> _free = new();
    private readonly ConcurrentQueue<RawFrame> _inFlight = new();
    private readonly Task _input;
    private long _offered;
    private long _dropped;

    private JpegEncoder(ChildProcess process, int frameSize, Action<JpegFrame> publish)
    {
        _process = process;
        _frameSize = frameSize;
        _publish = publish;
        _waiting = Channel.CreateBounded<RawFrame>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            dropped =>
            {
                Interlocked.Increment(ref _dropped);
                _free.Enqueue(dropped.Buffer);
            });
        _input = PumpInputAsync();
        Completion = PumpOutputAsync();
    }

    /// <summary>Finishes when ffmpeg's output ends (it exited or was stopped).</summary>
    public Task Completion { get; }

    /// <summary>The sequence number of the newest frame offered so far (0 before the first).</summary>
    public long LastOffered => Interlocked.Read(ref _offered);

    /// <summary>Frames replaced by a newer one before ffmpeg could take them.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public int ProcessId => _process.Id;

    public static JpegEncoder Start(string ffmpegPath, JpegEncoderSettings settings, Action<JpegFrame> publish, ILogger logger)
    {
        var process = ChildProcess.Start(ffmpegPath, JpegEncoderArguments.Build(settings), logger);
        return new JpegEncoder(process, settings.Source.FrameSize, publish);
    }

    /// <summary>Takes a copy of one raw yuv420p frame (any thread, one at a time); returns its sequence number.</summary>
    public long Offer(ReadOnlySpan<byte> frame)
    {
        if (frame.Length != _frameSize)
        {
            throw new ArgumentException($"A frame must be {_frameSize} bytes, not {frame.Length}.", nameof(frame));
        }

        var buffer = _free.TryDequeue(out var reused) ? reused : new byte[_frameSize];
        frame.CopyTo(buffer);
        var sequence = Interlocked.Increment(ref _offered);
        if (!_waiting.Writer.TryWrite(new RawFrame(buffer, sequence, Stopwatch.GetTimestamp())))
        {
            _free.Enqueue(buffer); // stopping
        }

        return sequence;
    }

    public string DescribeExit() => _process.DescribeExit();

    /// <summary>Kills ffmpeg at once (fault tests).</summary>
    public void Kill() => _process.Kill();

    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete();
        await _input.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _process.StopAsync(TimeSpan.FromSeconds(1));
        await Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _process.DisposeAsync();
    }

    private async Task PumpInputAsync()
    {
        await Task.Yield();
        var input = _process.Input;
        try
        {
            await foreach (var frame in _waiting.Reader.ReadAllAsync())
            {
                _inFlight.Enqueue(frame);
                try
                {
                    await input.WriteAsync(frame.Buffer, CancellationToken.None); // whole frames only
                }
                finally
                {
                    _free.Enqueue(frame.Buffer);
                }
            }
        }
        catch (IOException)
        {
            // ffmpeg is gone; Completion tells.
        }
        finally
        {
            _waiting.Writer.TryComplete();
            while (_waiting.Reader.TryRead(out var left))
            {
                _free.Enqueue(left.Buffer);
            }
        }
    }

    private async Task PumpOutputAsync()
    {
        await Task.Yield();
        var splitter = new JpegSplitter(OnPicture);
        var buffer = new byte[64 * 1024];
        var output = _process.Output;
        int read;
        while ((read = await output.ReadAsync(buffer)) > 0)
        {
            splitter.Push(buffer.AsSpan(0, read));
        }
    }

    private void OnPicture(byte[] picture)
    {
        var source = _inFlight.TryDequeue(out var frame) ? frame : new RawFrame([], LastOffered, Stopwatch.GetTimestamp());
        _publish(new JpegFrame(picture, source.Sequence, source.OfferedAt, Stopwatch.GetTimestamp()));
    }

    private readonly record struct RawFrame(byte[] Buffer, long Sequence, long OfferedAt);
}
