using System.Threading.Tasks.Sources;

namespace PiStream.Services.Broadcast;

/// <summary>
/// Wakes a viewer's send loop when a message is queued, on the thread that queued it: <see cref="Ring"/> runs the
/// waiting loop inline (no thread-pool hand-off), so the broadcast path writes each caught-up viewer's frame itself,
/// and only a viewer whose connection is full waits, on its own. Reused for every wait: nothing is allocated.
/// Protocol: the loop calls <see cref="Arm"/>, checks its queue once more (<see cref="TryDisarm"/> when it is not
/// empty), then awaits <see cref="WaitAsync"/>; whoever queues calls <see cref="Ring"/> after queueing.
/// </summary>
internal sealed class SendDoorbell : IValueTaskSource
{
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = false };
    private int _armed;

    /// <summary>Prepares a wait (the previous one has completed). A full fence: the queue is checked after it.</summary>
    public void Arm()
    {
        _core.Reset();
        Interlocked.Exchange(ref _armed, 1);
    }

    /// <summary>Takes back an armed wait that is not needed; false when a <see cref="Ring"/> already took it (then wait).</summary>
    public bool TryDisarm() => Interlocked.Exchange(ref _armed, 0) == 1;

    public ValueTask WaitAsync() => new(this, _core.Version);

    /// <summary>Wakes the loop if it waits (running it on this thread until it waits again); otherwise nothing.</summary>
    public void Ring()
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _core.SetResult(true);
        }
    }

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
