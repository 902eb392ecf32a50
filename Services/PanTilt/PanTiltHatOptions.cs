namespace PiStream.Services.PanTilt;

/// <summary>
/// Where the HAT is and how its servos are calibrated. Pulse widths map -90 degrees to
/// <see cref="MinPulseMicroseconds"/> and +90 degrees to <see cref="MaxPulseMicroseconds"/>; an inverted
/// axis negates the angle before it reaches the servo (for a mounting that turns the other way).
/// </summary>
internal sealed record PanTiltHatOptions
{
    public const int DefaultBusId = 1;
    public const int DefaultAddress = 0x15;
    public const int DefaultMinPulse = 575;
    public const int DefaultMaxPulse = 2325;

    public static PanTiltHatOptions Default { get; } = new();

    public int BusId { get; init; } = DefaultBusId;

    public int Address { get; init; } = DefaultAddress;

    public int MinPulseMicroseconds { get; init; } = DefaultMinPulse;

    public int MaxPulseMicroseconds { get; init; } = DefaultMaxPulse;

    public bool InvertPan { get; init; }

    public bool InvertTilt { get; init; }

    /// <summary>A servo is disabled this long after its last move (stops jitter and hum); zero keeps it enabled.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts per I2C transfer before an I/O error is reported.</summary>
    public int Attempts { get; init; } = 10;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The device path, e.g. /dev/i2c-1.</summary>
    public string DevicePath => $"/dev/i2c-{BusId}";

    /// <summary>"0x15 on /dev/i2c-1", for messages.</summary>
    public string Describe() => $"0x{Address:X2} on {DevicePath}";
}
