using System.Diagnostics;

namespace PiStream.Services.Broadcast;

/// <summary>
/// Counters for /api/status: frame rate and bitrate measured over the last whole second, totals, and
/// restarts. Written by the broadcast path only (no locks); read from anywhere.
/// </summary>
internal sealed class StreamStats
{
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private long _windowStart = Stopwatch.GetTimestamp();
    private int _windowFrames;
    private long _windowBytes;
    private double _fps;
    private double _bitsPerSecond;
    private long _frames;
    private long _bytes;
    private int _encoderRestarts;
    private long _lastFrameAt;

    public double FramesPerSecond => IsStale ? 0 : Volatile.Read(ref _fps);

    public double BitsPerSecond => IsStale ? 0 : Volatile.Read(ref _bitsPerSecond);

    public long Frames => Volatile.Read(ref _frames);

    public long Bytes => Volatile.Read(ref _bytes);

    public int EncoderRestarts => Volatile.Read(ref _encoderRestarts);

    public TimeSpan Uptime => Stopwatch.GetElapsedTime(_startedAt);

    /// <summary><see cref="Stopwatch.GetTimestamp"/> of the last encoded frame; 0 before the first.</summary>
    public long LastFrameAt => Volatile.Read(ref _lastFrameAt);

    private bool IsStale => Stopwatch.GetElapsedTime(Volatile.Read(ref _lastFrameAt)) > TimeSpan.FromSeconds(2);

    public void OnFrame(int length, long now)
    {
        if (_frames == 0)
        {
            _windowStart = now;
        }

        Volatile.Write(ref _lastFrameAt, now);
        Volatile.Write(ref _frames, _frames + 1);
        Volatile.Write(ref _bytes, _bytes + length);
        _windowFrames++;
        _windowBytes += length;
        var elapsed = Stopwatch.GetElapsedTime(_windowStart, now).TotalSeconds;
        if (elapsed >= 1)
        {
            Volatile.Write(ref _fps, _windowFrames / elapsed);
            Volatile.Write(ref _bitsPerSecond, _windowBytes * 8 / elapsed);
            _windowStart = now;
            _windowFrames = 0;
            _windowBytes = 0;
        }
    }

    public void OnEncoderRestart() => Interlocked.Increment(ref _encoderRestarts);
}
