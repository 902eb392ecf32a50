namespace PiStream.Services.PanTilt;

/// <summary>Checks and converts servo angles: -90..90 degrees, finite.</summary>
internal static class PanTiltAngle
{
    public const double Min = -90;
    public const double Max = 90;

    /// <summary>Null when <paramref name="angle"/> is usable, else a message naming the fix.</summary>
    public static string? Check(string axis, double angle) =>
        double.IsFinite(angle) && angle is >= Min and <= Max
            ? null
            : $"{axis} {angle.ToString(System.Globalization.CultureInfo.InvariantCulture)} is out of range: use an angle from -90 to 90 degrees.";

    /// <summary>A relative move: <paramref name="current"/> (0 when unknown) plus <paramref name="by"/>, clamped to -90..90 (to a millionth of a degree).</summary>
    public static double Offset(double? current, double by) => Math.Round(Math.Clamp((current ?? 0) + by, Min, Max), 6);

    public static void Validate(string paramName, double angle)
    {
        if (Check(paramName, angle) is { } message)
        {
            throw new ArgumentOutOfRangeException(paramName, angle, message);
        }
    }

    /// <summary>
    /// The HAT's mapping, <c>min + (int)((max - min) * (angle + 90) / 180)</c>: -90 gives min, 0 the centre, 90 max.
    /// (The Python library divides first, which rounds 0 down to 1449 and 90 to 2324 in floating point.)
    /// </summary>
    public static int ToPulse(double angle, int minPulse, int maxPulse) =>
        minPulse + (int)((maxPulse - minPulse) * (angle + 90) / 180.0);

    /// <summary>The inverse mapping, rounded to whole degrees; null for a pulse outside the calibration (e.g. never set).</summary>
    public static int? FromPulse(int pulse, int minPulse, int maxPulse)
    {
        if (pulse < minPulse || pulse > maxPulse)
        {
            return null;
        }

        return (int)Math.Round((pulse - minPulse) / (double)(maxPulse - minPulse) * 180.0) - 90;
    }

    /// <summary>
    /// How long the servos take from <paramref name="from"/> to the axes <paramref name="to"/> gives, as pistreaming (docs/pantilt.md)
    /// waited: <c>max(minimum, fullSweep * |change| / 180)</c>; an unknown start counts as a full sweep.
    /// </summary>
    public static TimeSpan SweepTime(Orientation from, Orientation to, TimeSpan fullSweep, TimeSpan minimum)
    {
        var change = Math.Max(Change(from.Pan, to.Pan), Change(from.Tilt, to.Tilt));
        var sweep = fullSweep * (change / 180.0);
        return sweep > minimum ? sweep : minimum;
    }

    private static double Change(double? from, double? to) => to is not { } target ? 0 : from is { } start ? Math.Abs(target - start) : 180;
}
