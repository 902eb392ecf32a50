using System.Diagnostics;

namespace PiStream.Services.Broadcast;

/// <summary>
/// Notices a send that has not completed for longer than a limit (the client stopped reading, so its network buffers
/// are full), even when nothing else happens. Each send only writes a time stamp (<see cref="Sending"/>, <see cref="Sent"/>);
/// a timer looks at it every quarter of the limit, instead of a timer change per send.
/// </summary>
internal sealed class SendWatchdog : IAsyncDisposable
{
    private readonly TimeSpan _limit;
    private readonly Action _stuck;
    private readonly Timer _timer;
    private long _sendingSince;

    public SendWatchdog(TimeSpan limit, Action stuck)
    {
        _limit = limit;
        _stuck = stuck;
        _timer = new Timer(static watchdog => ((SendWatchdog)watchdog!).Check(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Starts looking (when the first send begins).</summary>
    public void Start() => _timer.Change(_limit / 4, _limit / 4);

    public void Sending() => Volatile.Write(ref _sendingSince, Stopwatch.GetTimestamp());

    public void Sent() => Volatile.Write(ref _sendingSince, 0);

    public ValueTask DisposeAsync() => _timer.DisposeAsync();

    private void Check()
    {
        var since = Volatile.Read(ref _sendingSince);
        if (since != 0 && Stopwatch.GetElapsedTime(since) > _limit)
        {
            _stuck();
        }
    }
}
