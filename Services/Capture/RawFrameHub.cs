namespace PiStream.Services.Capture;

/// <summary>
/// Hands every captured raw frame to the features that need raw pictures (continuous recording, and later
/// snapshots, MJPEG, extra encoders). The pipeline calls <see cref="Offer"/> once per frame; each
/// <see cref="FrameTap"/> copies what it needs into its own bounded, dropping queue. Subscribing and leaving
/// swap an immutable array, so the per-frame path takes no lock and allocates nothing, and with no
/// subscriber it is one empty loop.
/// </summary>
internal sealed class RawFrameHub
{
    private readonly Lock _changing = new();
    private FrameTap[] _taps = [];

    /// <summary>How many taps see frames now.</summary>
    public int Subscribers => Volatile.Read(ref _taps).Length;

    /// <summary>Starts giving every frame to <paramref name="tap"/>; disposing the result stops it.</summary>
    public IDisposable Subscribe(FrameTap tap)
    {
        lock (_changing)
        {
            Volatile.Write(ref _taps, [.. _taps, tap]);
        }

        return new Subscription(this, tap);
    }

    /// <summary>Gives <paramref name="frame"/> to every tap in turn (the live path: each must return at once).</summary>
    public void Offer(ReadOnlySpan<byte> frame)
    {
        foreach (var tap in Volatile.Read(ref _taps))
        {
            tap(frame);
        }
    }

    private void Leave(FrameTap tap)
    {
        lock (_changing)
        {
            var index = Array.IndexOf(_taps, tap);
            if (index >= 0)
            {
                Volatile.Write(ref _taps, [.. _taps[..index], .. _taps[(index + 1)..]]);
            }
        }
    }

    private sealed class Subscription(RawFrameHub hub, FrameTap tap) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                hub.Leave(tap);
            }
        }
    }
}
