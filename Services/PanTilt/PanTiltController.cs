using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace PiStream.Services.PanTilt;

/// <summary>
/// Moves the HAT for <c>serve</c> without blocking anyone: <see cref="Request"/> checks the angles, stores the
/// newest target and returns; one loop writes it to the servos, then waits for the sweep
/// (<c>max(MinimumSweep, FullSweep * |change| / 180)</c>). Requests that arrive meanwhile replace each other, so
/// a burst of slider moves ends in one move to the latest position. <see cref="Moved"/> fires after each write.
/// Disposing stops the loop and disables the servos.
/// </summary>
internal sealed class PanTiltController : IAsyncDisposable
{
    private long _moves;
    private readonly PanTiltHat _hat;
    private readonly PanTiltSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly Task _loop;
    private Orientation _target;
    private Orientation _pending;
    private Orientation _written;
    private string? _error;
    private int _disposed;

    /// <summary>Reads where the servos point now (may throw <see cref="PanTiltUnavailableException"/>) and starts the loop.</summary>
    public PanTiltController(PanTiltHat hat, bool simulated, PanTiltSettings settings, TimeProvider timeProvider, ILogger<PanTiltController> logger)
    {
        _hat = hat;
        Simulated = simulated;
        _settings = settings;
        _time = timeProvider;
        _logger = logger;
        _target = _written = hat.Read();
        _loop = RunAsync(_stop.Token);
    }

    /// <summary>Raised on the controller's loop with the full orientation just written to the servos.</summary>
    public event Action<Orientation>? Moved;

    /// <summary>Moves written to the device so far.</summary>
    public long Moves => Interlocked.Read(ref _moves);

    public bool Simulated { get; }

    /// <summary>The HAT the controller drives (the lights share it).</summary>
    public PanTiltHat Hat => _hat;

    /// <summary>Where the camera points, or is about to: the latest accepted target, in pistream's convention.</summary>
    public Orientation Orientation
    {
        get
        {
            lock (_lock)
            {
                return _target;
            }
        }
    }

    public PanTiltStatus Status()
    {
        lock (_lock)
        {
            return new PanTiltStatus(
                Simulated ? "simulated" : "hat",
                Simulated,
                Simulated ? "simulated Pan-Tilt HAT" : $"Pan-Tilt HAT at {_hat.Options.Describe()}",
                _target,
                _error);
        }
    }

    /// <summary>Accepts a move of the axes given; throws <see cref="ArgumentOutOfRangeException"/> (nothing queued) for a bad angle.</summary>
    public Orientation Request(Orientation move)
    {
        if (move.Pan is { } pan)
        {
            PanTiltAngle.Validate("pan", pan);
        }

        if (move.Tilt is { } tilt)
        {
            PanTiltAngle.Validate("tilt", tilt);
        }

        Orientation target;
        lock (_lock)
        {
            _target = target = _target.With(move);
            _pending = _pending.With(move);
        }

        _wake.Writer.TryWrite(true);
        return target;
    }

    /// <summary>Moves relative to the latest target: each offset given is added (an unknown axis counts as 0) and the result clamped to -90..90.</summary>
    public Orientation RequestBy(double? panBy, double? tiltBy)
    {
        Orientation target;
        lock (_lock)
        {
            var move = new Orientation(
                panBy is { } pan ? PanTiltAngle.Offset(_target.Pan, pan) : null,
                tiltBy is { } tilt ? PanTiltAngle.Offset(_target.Tilt, tilt) : null);
            _target = target = _target.With(move);
            _pending = _pending.With(move);
        }

        _wake.Writer.TryWrite(true);
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _hat.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(cancellationToken))
            {
                _wake.Reader.TryRead(out _);
                Orientation move;
                lock (_lock)
                {
                    move = _pending;
                    _pending = default;
                }

                if (move.Pan is null && move.Tilt is null)
                {
                    continue;
                }

                var sweep = Task.Delay(PanTiltAngle.SweepTime(_written, move, _settings.FullSweep, _settings.MinimumSweep), _time, cancellationToken);
                if (TryMove(move))
                {
                    _written = _written.With(move);
                    Announce(_written);
                }

                await sweep;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Tells listeners (the pages) about a move; a failing listener is logged and never stops the loop.</summary>
    private void Announce(Orientation orientation)
    {
        Interlocked.Increment(ref _moves);
        try
        {
            Moved?.Invoke(orientation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Telling the pages about the move to {Orientation} failed", orientation);
        }
    }

    private bool TryMove(Orientation move)
    {
        try
        {
            _hat.Move(move);
            lock (_lock)
            {
                _error = null;
            }

            return true;
        }
        catch (Exception e) when (e is PanTiltUnavailableException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            _logger.LogError("Could not move the camera to {Orientation}: {Reason}", move, e.Message);
            lock (_lock)
            {
                _error = e.Message;
            }

            return false;
        }
    }
}
