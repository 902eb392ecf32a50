using System.Collections.Concurrent;

namespace PiStream.Services.Broadcast;

/// <summary>Reuses <see cref="EncodedFrame"/>s (and their buffers) so the per-frame path does not allocate.</summary>
internal sealed class FramePool(int maxRetained = 1024)
{
    private readonly ConcurrentQueue<EncodedFrame> _free = new();

    /// <summary>A frame with no bytes and one reference, owned by the caller.</summary>
    public EncodedFrame Rent()
    {
        var frame = _free.TryDequeue(out var reused) ? reused : new EncodedFrame(this);
        frame.Reset();
        return frame;
    }

    internal void Return(EncodedFrame frame)
    {
        if (_free.Count < maxRetained)
        {
            _free.Enqueue(frame);
        }
    }
}
