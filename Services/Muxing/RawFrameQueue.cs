using System.Collections.Concurrent;
using System.Threading.Channels;

namespace PiStream.Services.Muxing;

/// <summary>
/// A small bounded queue of raw frames in front of an encoder that is not the live one. <see cref="Offer"/> is
/// on the live path and never waits: it copies the frame into a reused buffer, or drops it (counted) when the
/// queue is full. The reader hands each buffer back with <see cref="Return"/>.
/// </summary>
internal sealed class RawFrameQueue
{
    private readonly int _frameSize;
    private readonly int _maxBuffers;
    private readonly Channel<byte[]> _queue;
    private readonly ConcurrentQueue<byte[]> _free = new();
    private int _allocated;
    private long _dropped;

    public RawFrameQueue(int frameSize, int capacity)
    {
        _frameSize = frameSize;
        _maxBuffers = capacity + 1;
        _queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Frames that found the queue full (or had the wrong size): the live stream was not held up for them.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<byte[]> Reader => _queue.Reader;

    /// <summary>Takes a copy of <paramref name="frame"/>, or drops it at once when the reader is behind.</summary>
    public void Offer(ReadOnlySpan<byte> frame)
    {
        if (frame.Length != _frameSize)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        if (!_free.TryDequeue(out var buffer))
        {
            if (Interlocked.Increment(ref _allocated) > _maxBuffers)
            {
                Interlocked.Decrement(ref _allocated);
                Interlocked.Increment(ref _dropped);
                return;
            }

            buffer = new byte[_frameSize];
        }

        frame.CopyTo(buffer);
        if (!_queue.Writer.TryWrite(buffer))
        {
            _free.Enqueue(buffer);
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Gives a buffer read from <see cref="Reader"/> back for reuse.</summary>
    public void Return(byte[] buffer) => _free.Enqueue(buffer);
}
