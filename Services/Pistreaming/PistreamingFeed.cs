using PiStream.Services.Broadcast;

namespace PiStream.Services.Pistreaming;

/// <summary>
/// What <c>--ws-port</c> sends, exactly as pistreaming did: after the 8-byte <c>jsmp</c> header, the raw MPEG-1
/// video elementary stream (ffmpeg <c>-f mpeg1video</c>), which pistreaming's own <c>jsmpg.js</c> and every client
/// written for it read. Fed with the MPEG-1 encoder's MPEG-TS messages (<see cref="Publish"/>), it unwraps each
/// into one elementary-stream message and fans it out through its own <see cref="Broadcast.Broadcaster"/>, whose
/// group-of-pictures cache starts each new client at the last sequence header. Same single encoder: no second ffmpeg.
/// </summary>
internal sealed class PistreamingFeed : IDisposable
{
    private readonly StreamMessagePool _pool = new();
    private readonly IDisposable? _subscription;

    /// <summary>A feed of <paramref name="live"/>'s messages (when the live codec is MPEG-1), or, without it, of what is given to <see cref="Publish"/>.</summary>
    public PistreamingFeed(Broadcaster? live = null, int maxGopFrames = 600)
    {
        Broadcaster = new Broadcaster(new StreamStats(), maxGopFrames);
        _subscription = live?.Subscribe(Publish);
    }

    /// <summary>The fan-out the <c>--ws-port</c> viewers join.</summary>
    public Broadcaster Broadcaster { get; }

    /// <summary>Unwraps one MPEG-TS message of the MPEG-1 encoder and sends it on; the caller keeps its reference. One producer at a time.</summary>
    public void Publish(StreamMessage transportStream)
    {
        var message = _pool.Rent();
        try
        {
            ElementaryStream.Extract(transportStream.Data.Span, message);
            if (message.Length == 0)
            {
                return;
            }

            message.Complete(ElementaryStream.StartsWithSequenceHeader(message.Data.Span));
            Broadcaster.Publish(message);
        }
        finally
        {
            message.Release();
        }
    }

    /// <summary>Between two encoder runs: the next encoder starts a new stream.</summary>
    public void Reset() => Broadcaster.Reset();

    public void Dispose() => _subscription?.Dispose();
}
