namespace PiStream.Services.Pipeline;

/// <summary>
/// How the stream is restarted after a failure: the delay starts at <see cref="InitialDelay"/> and doubles up
/// to <see cref="MaxDelay"/>; a run that lasted <see cref="StablePeriod"/> resets it. A source that sends
/// no frame for <see cref="StallTimeout"/> counts as failed (the watchdog).
/// </summary>
internal sealed record RestartPolicy(TimeSpan InitialDelay, TimeSpan MaxDelay, TimeSpan StablePeriod, TimeSpan StallTimeout)
{
    public static RestartPolicy Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));

    public TimeSpan Next(TimeSpan current, TimeSpan lastRunLength) =>
        lastRunLength >= StablePeriod ? InitialDelay : TimeSpan.FromTicks(Math.Min(current.Ticks * 2, MaxDelay.Ticks));
}
