namespace PiStream.Services.Encoding;

/// <summary>
/// When each raw frame now inside the live encoder was captured, oldest first: one writer (the capture, before it
/// writes a frame to the encoder) and one reader (the encoder's output, as each picture comes out) without a lock. The
/// encoders make exactly one picture per frame, in order (no B-frames, constant-rate input), so the oldest time
/// belongs to the picture that comes out next. Full (the encoder holds <c>capacity</c> frames: it has stopped), a
/// frame is not timed.
/// </summary>
internal sealed class PendingFrames(int capacity = 1024)
{
    private readonly long[] _capturedAt = new long[capacity];
    private long _added;
    private long _taken;

    public bool TryAdd(long capturedAt)
    {
        var added = _added;
        if (added - Volatile.Read(ref _taken) >= capacity)
        {
            return false;
        }

        _capturedAt[added % capacity] = capturedAt;
        Volatile.Write(ref _added, added + 1);
        return true;
    }

    public bool TryTake(out long capturedAt)
    {
        var taken = _taken;
        if (taken >= Volatile.Read(ref _added))
        {
            capturedAt = 0;
            return false;
        }

        capturedAt = _capturedAt[taken % capacity];
        Volatile.Write(ref _taken, taken + 1);
        return true;
    }
}
