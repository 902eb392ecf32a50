using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PiStream.Services.Systemd;

namespace PiStream.Tests.Services.Systemd;

/// <summary>The notifier on a real datagram socket, driven by a fake clock and a frame counter the test moves.</summary>
public sealed class SystemdNotifierTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly NotifyListener _listener = NotifyListener.AtPath();
    private readonly NotifySocket _socket;
    private readonly CancellationTokenSource _stop = new();
    private long _frames;

    public SystemdNotifierTests()
    {
        _socket = NotifySocket.From(_listener.Address)!;
    }

    [Fact]
    public async Task Ready_waits_for_the_first_frame()
    {
        var run = Notifier(watchdog: null).RunAsync(_stop.Token);

        await Assert.ThrowsAsync<TimeoutException>(() => AdvanceUntilAsync(TimeSpan.FromSeconds(3)));
        Interlocked.Exchange(ref _frames, 1);
        var ready = await AdvanceUntilAsync(TimeSpan.FromSeconds(1));

        Assert.Equal("READY=1\nSTATUS=Streaming 24.0 fps to 2 viewers", ready);
        await StopAsync(run);
    }

    [Fact]
    public async Task The_watchdog_is_fed_while_frames_flow_and_starved_when_they_stop()
    {
        var policy = new WatchdogPolicy(TimeSpan.FromSeconds(10), _clock);
        var run = Notifier(policy).RunAsync(_stop.Token);
        Interlocked.Exchange(ref _frames, 10);
        Assert.StartsWith("READY=1", await AdvanceUntilAsync(TimeSpan.FromSeconds(1)));

        Interlocked.Exchange(ref _frames, 130);
        Assert.StartsWith("WATCHDOG=1\nSTATUS=Streaming", await AdvanceUntilAsync(policy.Period + TimeSpan.FromSeconds(1)));

        Assert.Equal("STATUS=No frames for 5 s", await AdvanceUntilAsync(policy.Period + TimeSpan.FromSeconds(1)));
        Assert.Equal("STATUS=No frames for 10 s", await AdvanceUntilAsync(policy.Period + TimeSpan.FromSeconds(1)));

        Interlocked.Exchange(ref _frames, 131);
        Assert.StartsWith("WATCHDOG=1", await AdvanceUntilAsync(policy.Period + TimeSpan.FromSeconds(1)));
        await StopAsync(run);
    }

    [Fact]
    public async Task Without_a_watchdog_the_status_is_refreshed_and_nothing_else()
    {
        var run = Notifier(watchdog: null).RunAsync(_stop.Token);
        Interlocked.Exchange(ref _frames, 10);
        await AdvanceUntilAsync(TimeSpan.FromSeconds(1));

        var next = await AdvanceUntilAsync(SystemdNotifier.StatusPeriod + TimeSpan.FromSeconds(1));

        Assert.Equal("STATUS=Streaming 24.0 fps to 2 viewers", next);
        await StopAsync(run);
    }

    [Fact]
    public async Task Stopping_is_said_on_shutdown()
    {
        Notifier(watchdog: null).Stopping();

        Assert.Equal("STOPPING=1\nSTATUS=Stopping", await _listener.ReceiveAsync(TimeSpan.FromSeconds(5)));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _listener.Dispose();
        _stop.Dispose();
    }

    private SystemdNotifier Notifier(WatchdogPolicy? watchdog) =>
        new(_socket, watchdog, () => new ServiceSnapshot(Interlocked.Read(ref _frames), 24, 2), _clock, NullLogger<SystemdNotifier>.Instance);

    /// <summary>Moves the fake clock in small steps (the loop may not wait yet) until a datagram comes; at most <paramref name="span"/> of fake time.</summary>
    private async Task<string> AdvanceUntilAsync(TimeSpan span)
    {
        var step = TimeSpan.FromMilliseconds(100);
        for (var advanced = TimeSpan.Zero; advanced <= span; advanced += step)
        {
            _clock.Advance(step);
            try
            {
                return await _listener.ReceiveAsync(TimeSpan.FromMilliseconds(20));
            }
            catch (TimeoutException)
            {
                // Not yet: move on.
            }
        }

        throw new TimeoutException($"no notification within {span} of fake time");
    }

    private async Task StopAsync(Task run)
    {
        await _stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
