using System.Threading.Channels;
using PiStream.Services.Broadcast;

namespace PiStream.Services.Muxing;

/// <summary>
/// One muxer's bounded queue of H.264 access units from an <see cref="H264Source"/>. <see cref="Offer"/> is on the
/// broadcast path and never waits: it takes a reference to the shared message, or drops it when the queue is
/// full. A dropped picture breaks the ones that refer to it, so after a drop (and at the start) the queue drops
/// everything up to the next keyframe: what the muxer gets always decodes.
/// </summary>
internal sealed class AccessUnitQueue(int capacity)
{
    private readonly Channel<StreamMessage> _queue = Channel.CreateBounded<StreamMessage>(
        new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    private volatile bool _needKeyframe = true;
    private StreamMessage? _pending;
    private long _dropped;
    private long _copied;

    /// <summary>Pictures this queue did not pass on: it was full, or they came before the next keyframe after a drop.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Bytes written into muxers by <see cref="CopyToAsync"/> so far.</summary>
    public long BytesCopied => Interlocked.Read(ref _copied);

    /// <summary>Queues <paramref name="message"/> (an access unit; the caller keeps its own reference) or drops it at once.</summary>
    public void Offer(StreamMessage message)
    {
        if (_needKeyframe)
        {
            if (!message.IsKeyframe)
            {
                Interlocked.Increment(ref _dropped);
                return;
            }

            _needKeyframe = false;
        }

        message.AddReference();
        if (!_queue.Writer.TryWrite(message))
        {
            message.Release();
            _needKeyframe = true;
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>
    /// Writes queued access units to a new muxer's <paramref name="input"/>, starting at a keyframe, until cancelled.
    /// Returns (true) when a keyframe brings parameter sets other than the first one's: the encoder behind the source
    /// was restarted differently and this muxer cannot copy on; that keyframe is kept for the next muxer.
    /// </summary>
    public async Task<bool> CopyToAsync(Stream input, CancellationToken cancellationToken)
    {
        int? parameters = null;
        var started = false;
        while (true)
        {
            var message = _pending ?? await _queue.Reader.ReadAsync(cancellationToken);
            _pending = null;
            try
            {
                if (message.IsKeyframe)
                {
                    var fingerprint = KeyframeParameters.Fingerprint(message.Data.Span);
                    if (started && fingerprint is not null && parameters is not null && fingerprint != parameters)
                    {
                        _pending = message;
                        message = null;
                        return true;
                    }

                    parameters ??= fingerprint;
                    started = true;
                }

                if (!started)
                {
                    Interlocked.Increment(ref _dropped);
                    continue;
                }

                await input.WriteAsync(message.Data, cancellationToken);
                Interlocked.Add(ref _copied, message.Length);
            }
            finally
            {
                message?.Release();
            }
        }
    }

    /// <summary>Writes what is queued now to <paramref name="input"/> without waiting for more (stopping: the muxer finishes after it).</summary>
    public async Task DrainAsync(Stream input, CancellationToken cancellationToken)
    {
        while (_queue.Reader.TryRead(out var message))
        {
            try
            {
                await input.WriteAsync(message.Data, cancellationToken);
            }
            finally
            {
                message.Release();
            }
        }
    }

    /// <summary>Forgets what is queued (a new connection starts from the next keyframe).</summary>
    public void Discard()
    {
        _needKeyframe = true;
        Interlocked.Exchange(ref _pending, null)?.Release();
        while (_queue.Reader.TryRead(out var message))
        {
            message.Release();
        }
    }
}
