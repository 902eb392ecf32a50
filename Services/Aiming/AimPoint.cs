namespace PiStream.Services.Aiming;

/// <summary>
/// Click-to-point: the turn that brings a point of the picture to its centre. The point is given as fractions of
/// the picture's width and height from its top-left corner (0..1, the centre is 0.5, 0.5). For a rectilinear lens a
/// point at fraction <c>x</c> lies <c>atan((2x - 1) * tan(hfov / 2))</c> degrees right of the centre; up is
/// positive tilt, so the vertical offset is negated.
/// </summary>
internal static class AimPoint
{
    /// <summary>Degrees to pan (positive: right) and tilt (positive: up) to centre the point (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static (double PanBy, double TiltBy) Offset(double x, double y, FieldOfView fieldOfView)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(x, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(x, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(y, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(y, 1);
        return (Round(Angle(x, fieldOfView.Horizontal)), Round(-Angle(y, fieldOfView.Vertical)));
    }

    private static double Angle(double fraction, double fieldDegrees) =>
        Math.Atan((2 * fraction - 1) * Math.Tan(fieldDegrees / 2 * Math.PI / 180)) * 180 / Math.PI;

    private static double Round(double degrees) => Math.Round(degrees, 2, MidpointRounding.AwayFromZero) + 0.0;
}
