using System.ComponentModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PiStream.Services.Broadcast;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;

namespace PiStream.Services.Muxing;

/// <summary>
/// The H.264 that recording and publishing copy into their muxers, one access unit (Annex B, keyframes with their
/// SPS and PPS) per message, encoded once however many muxers there are. When the live stream is H.264 it is the
/// live stream itself (a tap on the <see cref="Broadcaster"/>: no second encoder). When the live stream is MPEG-1
/// it is one dedicated H.264 encoder, fed with copies of the raw frames through a small dropping queue, started
/// again a second after it fails. Subscribers get every message on the encoder's output path and must return at
/// once (an <see cref="AccessUnitQueue"/> does).
/// </summary>
internal sealed class H264Source : IHostedService, IDisposable
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(1);
    private readonly Broadcaster _live;
    private readonly RawFrameHub _rawFrames;
    private readonly LiveEncoderPlan? _encoder;
    private readonly RawFrameQueue? _frames;
    private readonly StreamMessagePool _pool = new(64);
    private readonly ILogger<H264Source> _logger;
    private readonly Lock _subscribing = new();
    private readonly CancellationTokenSource _stop = new();
    private Action<StreamMessage>[] _taps = [];
    private IDisposable? _rawSubscription;
    private Task _running = Task.CompletedTask;
    private long _encoderStarts;

    /// <param name="encoder">Null: the live stream is H.264 and is copied. Else the dedicated H.264 encoder to run (raw frames in).</param>
    public H264Source(Broadcaster live, RawFrameHub rawFrames, LiveEncoderPlan? encoder, VideoFormat format, ILogger<H264Source> logger)
    {
        _live = live;
        _rawFrames = rawFrames;
        _encoder = encoder;
        _frames = encoder is null ? null : new RawFrameQueue(format.FrameSize, Math.Max(4, format.Framerate));
        _logger = logger;
    }

    /// <summary>True when the muxers copy the live stream (no encoder of their own).</summary>
    public bool CopiesLiveStream => _encoder is null;

    /// <summary>What the muxers get, for the log: the live H.264, or the dedicated encoder's name.</summary>
    public string Description => _encoder is null ? "the live H.264 stream (no second encode)" : $"one {_encoder.Encoder} encoder for recording and publishing (the live stream is MPEG-1)";

    /// <summary>Raw frames the dedicated encoder had no room for (always 0 when the live stream is copied).</summary>
    public long FramesDropped => _frames?.Dropped ?? 0;

    /// <summary>How often the dedicated encoder was started (0 when the live stream is copied).</summary>
    public long EncoderStarts => Interlocked.Read(ref _encoderStarts);

    /// <summary>Gives every access unit to <paramref name="tap"/> from the next one on; disposing the result stops it.</summary>
    public IDisposable Subscribe(Action<StreamMessage> tap)
    {
        if (_encoder is null)
        {
            return _live.Subscribe(tap);
        }

        lock (_subscribing)
        {
            Volatile.Write(ref _taps, [.. _taps, tap]);
        }

        return new Subscription(this, tap);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_frames is not null)
        {
            _rawSubscription = _rawFrames.Subscribe(_frames.Offer);
            _running = RunAsync(_stop.Token);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _rawSubscription?.Dispose();
        await _stop.CancelAsync();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        _rawSubscription?.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var reason = await RunOnceAsync(cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            _logger.LogError("The H.264 encoder for recording and publishing stopped: {Reason}. Starting it again in {Delay} s; the live stream goes on", reason, RestartDelay.TotalSeconds);
            try
            {
                await Task.Delay(RestartDelay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<string> RunOnceAsync(CancellationToken cancellationToken)
    {
        LiveEncoder encoder;
        try
        {
            encoder = LiveEncoder.Start(_encoder!, _pool, Publish, _logger);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            return $"{_encoder!.Encoder} could not start: {e.Message}";
        }

        Interlocked.Increment(ref _encoderStarts);
        await using (encoder)
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var writing = WriteFramesAsync(encoder, attempt.Token);
            await Task.WhenAny(writing, encoder.Completion);
            await attempt.CancelAsync();
            await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return encoder.DescribeExit();
        }
    }

    private async Task WriteFramesAsync(LiveEncoder encoder, CancellationToken cancellationToken)
    {
        await foreach (var buffer in _frames!.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                await encoder.WriteFrameAsync(buffer);
            }
            finally
            {
                _frames.Return(buffer);
            }
        }
    }

    /// <summary>The dedicated encoder's output path: every access unit to every tap (each queues or drops it).</summary>
    private void Publish(StreamMessage message)
    {
        foreach (var tap in Volatile.Read(ref _taps))
        {
            tap(message);
        }
    }

    private void Unsubscribe(Action<StreamMessage> tap)
    {
        lock (_subscribing)
        {
            var index = Array.IndexOf(_taps, tap);
            if (index >= 0)
            {
                Volatile.Write(ref _taps, [.. _taps[..index], .. _taps[(index + 1)..]]);
            }
        }
    }

    private sealed class Subscription(H264Source source, Action<StreamMessage> tap) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                source.Unsubscribe(tap);
            }
        }
    }
}
