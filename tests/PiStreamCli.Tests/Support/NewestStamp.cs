using PiStream.Services.Capture;

namespace PiStream.Tests.Support;

/// <summary>
/// Follows the stream itself: a tap on the server's <see cref="RawFrameHub"/> that keeps the frame stamp of the newest
/// captured frame, so a test can say "at least as new as the newest frame when I asked" without timing anything.
/// </summary>
internal sealed class NewestStamp : IDisposable
{
    private readonly IDisposable _subscription;
    private readonly int _width;
    private long _newest;

    public NewestStamp(RawFrameHub hub, int width)
    {
        _width = width;
        _subscription = hub.Subscribe(OnFrame);
    }

    public long Value => Volatile.Read(ref _newest);

    public async Task<long> FirstAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (Value == 0)
        {
            await Task.Delay(20, timeout.Token);
        }

        return Value;
    }

    public void Dispose() => _subscription.Dispose();

    private void OnFrame(ReadOnlySpan<byte> frame)
    {
        if (FrameStamp.TryRead(frame, _width, out var stamp))
        {
            Volatile.Write(ref _newest, stamp);
        }
    }
}
