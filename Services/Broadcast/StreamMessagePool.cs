using System.Collections.Concurrent;

namespace PiStream.Services.Broadcast;

/// <summary>Reuses <see cref="StreamMessage"/>s (and their buffers) so the per-message path does not allocate.</summary>
internal sealed class StreamMessagePool(int maxRetained = 1024)
{
    private readonly ConcurrentQueue<StreamMessage> _free = new();

    /// <summary>A message with no bytes and one reference, owned by the caller.</summary>
    public StreamMessage Rent()
    {
        var message = _free.TryDequeue(out var reused) ? reused : new StreamMessage(this);
        message.Reset();
        return message;
    }

    internal void Return(StreamMessage message)
    {
        if (_free.Count < maxRetained)
        {
            _free.Enqueue(message);
        }
    }
}
