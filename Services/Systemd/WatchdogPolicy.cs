using System.Globalization;

namespace PiStream.Services.Systemd;

/// <summary>
/// When to send <c>WATCHDOG=1</c>: every half of systemd's <c>WatchdogSec=</c>, and only while frames flow. A
/// pipeline that stopped producing frames stops the keep-alives, so systemd restarts pistream after the timeout.
/// Pure: fed the frame counter on each tick and the clock it was made with.
/// </summary>
internal sealed class WatchdogPolicy(TimeSpan timeout, TimeProvider clock)
{
    private long _framesSeen = -1;
    private long _framesMovedAt = clock.GetTimestamp();

    /// <summary>systemd's timeout (<c>WATCHDOG_USEC</c>).</summary>
    public TimeSpan Timeout => timeout;

    /// <summary>How often to tick: half the timeout, as sd_watchdog_enabled(3) recommends.</summary>
    public TimeSpan Period => timeout / 2;

    /// <summary>How long the frame counter has stood still (zero while frames flow).</summary>
    public TimeSpan Stalled => _framesSeen < 0 ? TimeSpan.Zero : clock.GetElapsedTime(_framesMovedAt);

    /// <summary>
    /// The watchdog timeout that <c>WATCHDOG_USEC</c> and <c>WATCHDOG_PID</c> ask of process <paramref name="processId"/>;
    /// null when there is no watchdog, or it is meant for another process.
    /// </summary>
    public static TimeSpan? TimeoutFrom(string? watchdogUsec, string? watchdogPid, int processId)
    {
        if (!long.TryParse(watchdogUsec, NumberStyles.None, CultureInfo.InvariantCulture, out var microseconds) || microseconds <= 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(watchdogPid)
            && (!int.TryParse(watchdogPid, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid != processId))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(microseconds);
    }

    /// <summary>Called every <see cref="Period"/> with the frames encoded so far: true when <c>WATCHDOG=1</c> is due (frames moved since the last tick).</summary>
    public bool ShouldNotify(long framesSoFar)
    {
        var first = _framesSeen < 0;
        var moved = !first && framesSoFar != _framesSeen;
        if (first || moved)
        {
            _framesMovedAt = clock.GetTimestamp();
        }

        _framesSeen = framesSoFar;
        return moved || (first && framesSoFar > 0);
    }
}
