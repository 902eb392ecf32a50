namespace PiStream.Services.Security;

/// <summary>
/// The login attempts of one address (or of the shared overflow) in the current window of a
/// <see cref="FailedLoginLimiter"/>: attempts are counted when they start and refunded when they succeed,
/// so attempts checked at the same moment cannot race past the limit. Guarded by its own lock.
/// </summary>
internal sealed class LoginCount
{
    public DateTimeOffset Start { get; set; }

    /// <summary>Attempts that started in the window and did not succeed (those still being checked included).</summary>
    public int Failures { get; set; }

    /// <summary>Attempts being checked right now.</summary>
    public int InFlight { get; set; }
}
