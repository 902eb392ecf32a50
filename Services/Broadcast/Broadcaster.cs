using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;

namespace PiStream.Services.Broadcast;

/// <summary>
/// Fans each encoded frame out to every viewer: the frame is shared, not copied, and handed to each
/// viewer's queue without waiting for any of them, so a slow viewer never delays the others.
/// Keeps the current group of pictures (from its last keyframe) so a new viewer gets a picture at once.
/// <see cref="Publish"/> is called by one producer at a time; joins are handed to it through a
/// lock-free queue, so the per-frame path takes no lock and allocates nothing. A second fan-out of the same
/// camera (MPEG-1 for browsers without H.264) passes the live one as <paramref name="countedIn"/>: its viewers
/// are counted there too (<see cref="ViewerCount"/> of the live stream is every page watching).
/// </summary>
internal sealed class Broadcaster(StreamStats stats, int maxGopFrames = 600, Broadcaster? countedIn = null)
{
    private readonly ConcurrentQueue<Viewer> _joining = new();
    private readonly List<Viewer> _viewers = [];
    private readonly List<StreamMessage> _gop = [];
    private readonly Lock _subscribing = new();
    private Viewer[] _snapshot = [];
    private Action<StreamMessage>[] _taps = [];
    private int _viewerCount;

    public int ViewerCount => Volatile.Read(ref _viewerCount);

    public StreamStats Stats => stats;

    /// <summary>When set (benchmarks only), each frame is preceded by a text message with its send time.</summary>
    public FrameTimes? FrameTimes { get; init; }

    /// <summary>The viewers that have received at least one frame (a copy; for status and events).</summary>
    public IReadOnlyList<Viewer> Viewers => Volatile.Read(ref _snapshot);

    /// <summary>Adds a viewer that has been sent the stream header; it gets the current group of pictures next.</summary>
    public void Join(Viewer viewer)
    {
        Interlocked.Increment(ref _viewerCount);
        if (countedIn is not null)
        {
            Interlocked.Increment(ref countedIn._viewerCount);
        }

        _joining.Enqueue(viewer);
    }

    /// <summary>Counts a viewer out (once, and only if it had joined); the broadcast path forgets it on its next frame or reset.</summary>
    public void Leave(Viewer viewer)
    {
        viewer.Close("left", WebSocketCloseStatus.NormalClosure, TimeSpan.Zero);
        if (viewer.TryForget())
        {
            Interlocked.Decrement(ref _viewerCount);
            if (countedIn is not null)
            {
                Interlocked.Decrement(ref countedIn._viewerCount);
            }
        }
    }

    /// <summary>
    /// Gives every encoded video frame to <paramref name="tap"/> as well (a publisher, a second output), on the
    /// broadcast path: it must return at once, taking a reference (<see cref="StreamMessage.AddReference"/>) for a
    /// frame it queues in its own bounded queue and releasing it when done. It starts with the next frame; one
    /// that needs a keyframe first waits for <see cref="StreamMessage.IsKeyframe"/>. Disposing the result stops it.
    /// </summary>
    public IDisposable Subscribe(Action<StreamMessage> tap)
    {
        lock (_subscribing)
        {
            Volatile.Write(ref _taps, [.. _taps, tap]);
        }

        return new TapSubscription(this, tap);
    }

    /// <summary>Shares <paramref name="frame"/> with every viewer. The caller keeps (and later releases) its own reference.</summary>
    public void Publish(StreamMessage frame)
    {
        var now = Stopwatch.GetTimestamp();
        if (frame.IsKeyframe)
        {
            ClearGop();
        }

        var changed = AdmitJoiners(now);
        if (_gop.Count < maxGopFrames)
        {
            frame.AddReference();
            _gop.Add(frame);
        }

        var sentAt = FrameTimes?.Create();
        for (var i = _viewers.Count - 1; i >= 0; i--)
        {
            var viewer = _viewers[i];
            if (viewer.IsClosed)
            {
                _viewers[i] = _viewers[^1];
                _viewers.RemoveAt(_viewers.Count - 1);
                changed = true;
                continue;
            }

            if (sentAt is not null)
            {
                viewer.OfferText(sentAt);
            }

            viewer.Offer(frame, now);
        }

        sentAt?.Release();
        foreach (var tap in Volatile.Read(ref _taps))
        {
            tap(frame);
        }

        if (changed)
        {
            Volatile.Write(ref _snapshot, _viewers.ToArray());
        }

        stats.OnFrame(frame.Length, now);
    }

    /// <summary>Sends a text event to every viewer (any thread). The caller keeps its own reference.</summary>
    public void PublishText(StreamMessage message)
    {
        foreach (var viewer in Volatile.Read(ref _snapshot))
        {
            viewer.OfferText(message);
        }
    }

    /// <summary>
    /// Between two encoder runs (never concurrent with <see cref="Publish"/>): forgets the cached group of
    /// pictures, since the next encoder starts a new stream, and settles joins and leaves that happened
    /// while no frame flowed, so a long outage does not pile up closed viewers.
    /// </summary>
    public void Reset()
    {
        ClearGop();
        var changed = AdmitJoiners(Stopwatch.GetTimestamp());
        changed |= _viewers.RemoveAll(viewer => viewer.IsClosed) > 0;
        if (changed)
        {
            Volatile.Write(ref _snapshot, _viewers.ToArray());
        }
    }

    private bool AdmitJoiners(long now)
    {
        var admitted = false;
        while (_joining.TryDequeue(out var viewer))
        {
            if (viewer.IsClosed)
            {
                continue;
            }

            foreach (var cached in _gop)
            {
                viewer.Offer(cached, now);
            }

            _viewers.Add(viewer);
            admitted = true;
        }

        return admitted;
    }

    private void ClearGop()
    {
        foreach (var frame in _gop)
        {
            frame.Release();
        }

        _gop.Clear();
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

    private sealed class TapSubscription(Broadcaster broadcaster, Action<StreamMessage> tap) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                broadcaster.Unsubscribe(tap);
            }
        }
    }
}
