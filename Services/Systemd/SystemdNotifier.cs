using Microsoft.Extensions.Logging;

namespace PiStream.Services.Systemd;

/// <summary>
/// Tells systemd how serve is doing (sd_notify(3)): <c>READY=1</c> once the first frame is encoded (the caller starts it
/// after HTTP listens), then <c>STATUS=</c> with the frame rate and viewers, <c>WATCHDOG=1</c> at half the watchdog
/// timeout only while frames flow (<see cref="WatchdogPolicy"/>), and <c>STOPPING=1</c> on shutdown.
/// </summary>
internal sealed class SystemdNotifier(NotifySocket socket, WatchdogPolicy? watchdog, Func<ServiceSnapshot> snapshot, TimeProvider clock, ILogger<SystemdNotifier> logger)
{
    /// <summary>How often STATUS= is refreshed when there is no watchdog.</summary>
    public static readonly TimeSpan StatusPeriod = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan FirstFramePoll = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits for the first frame, says READY=1, then keeps STATUS= and the watchdog going until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (snapshot().Frames == 0)
        {
            await Task.Delay(FirstFramePoll, clock, cancellationToken);
        }

        var ready = snapshot();
        watchdog?.ShouldNotify(ready.Frames);
        Send($"READY=1\nSTATUS={ready.Status}");
        logger.LogInformation("Told systemd we are ready ({NotifySocket}); watchdog {WatchdogSeconds} s (0: none)", socket.Address, watchdog?.Timeout.TotalSeconds ?? 0);

        using var timer = new PeriodicTimer(watchdog?.Period ?? StatusPeriod, clock);
        var warned = false;
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var now = snapshot();
            if (watchdog is null)
            {
                Send($"STATUS={now.Status}");
            }
            else if (watchdog.ShouldNotify(now.Frames))
            {
                Send($"WATCHDOG=1\nSTATUS={now.Status}");
                warned = false;
            }
            else
            {
                Send($"STATUS=No frames for {watchdog.Stalled.TotalSeconds:0} s");
                if (!warned)
                {
                    logger.LogWarning("No frame for {StalledSeconds:0} s: not telling systemd we are alive, so it restarts pistream after {TimeoutSeconds:0} s", watchdog.Stalled.TotalSeconds, watchdog.Timeout.TotalSeconds);
                    warned = true;
                }
            }
        }
    }

    /// <summary>STOPPING=1: systemd knows the exit is on purpose.</summary>
    public void Stopping() => Send("STOPPING=1\nSTATUS=Stopping");

    private void Send(string state)
    {
        if (!socket.TrySend(state))
        {
            logger.LogDebug("The notification socket {NotifySocket} did not take a notification", socket.Address);
        }
    }
}
