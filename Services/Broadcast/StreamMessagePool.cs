using System.Collections.Concurrent;

namespace PiStream.Services.Broadcast;

/// <summary>
/// Reuses <see cref="StreamMessage"/>s (and their buffers) so the per-message path does not allocate. The number of
/// free messages is counted here: <see cref="ConcurrentQueue{T}.Count"/> over several segments freezes them, and the
/// queue then allocates a new segment on a later return.
/// </summary>
internal sealed class StreamMessagePool(int maxRetained = 1024)
{
    private readonly ConcurrentQueue<StreamMessage> _free = new();
    private int _freeCount;

    /// <summary>A message with no bytes and one reference, owned by the caller.</summary>
    public StreamMessage Rent()
    {
        StreamMessage message;
        if (_free.TryDequeue(out var reused))
        {
            Interlocked.Decrement(ref _freeCount);
            message = reused;
        }
        else
        {
            message = new StreamMessage(this);
        }

        message.Reset();
        return message;
    }

    internal void Return(StreamMessage message)
    {
        if (Interlocked.Increment(ref _freeCount) <= maxRetained)
        {
            _free.Enqueue(message);
        }
        else
        {
            Interlocked.Decrement(ref _freeCount);
        }
    }
}
