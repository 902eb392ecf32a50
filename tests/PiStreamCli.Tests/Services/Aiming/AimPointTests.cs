using PiStream.Services.Aiming;
using PiStream.Services.PanTilt;

namespace PiStream.Tests.Services.Aiming;

/// <summary>Click-to-point and relative moves, worked by hand.</summary>
public sealed class AimPointTests
{
    private static readonly FieldOfView V2 = FieldOfView.ForSensor("imx219")!;

    [Theory]
    [InlineData(0.5, 0.5, 0, 0)]
    [InlineData(1, 0.5, 31.1, 0)] // the right edge is half the horizontal field away
    [InlineData(0, 0, -31.1, 24.4)] // top left: left and up
    [InlineData(0.75, 0.5, 16.78, 0)] // atan(0.5 * tan 31.1) = 16.784, not the linear 15.55
    [InlineData(0.5, 0.75, 0, -12.78)] // atan(0.5 * tan 24.4) = 12.779, below the centre is negative tilt
    public void A_point_of_the_picture_becomes_the_turn_that_centres_it(double x, double y, double panBy, double tiltBy)
    {
        Assert.Equal((panBy, tiltBy), AimPoint.Offset(x, y, V2));
    }

    [Fact]
    public void Points_outside_the_picture_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AimPoint.Offset(1.01, 0.5, V2));
        Assert.Throws<ArgumentOutOfRangeException>(() => AimPoint.Offset(0.5, -0.1, V2));
    }

    [Theory]
    [InlineData("ov5647", 53.5, 41.4)]
    [InlineData("imx219", 62.2, 48.8)]
    [InlineData("imx708", 66, 41)]
    [InlineData("imx708_wide_noir", 102, 67)]
    public void Known_sensors_have_their_field_of_view(string sensor, double horizontal, double vertical)
    {
        var fieldOfView = FieldOfView.ForSensor(sensor)!;

        Assert.Equal((horizontal, vertical), (fieldOfView.Horizontal, fieldOfView.Vertical));
    }

    [Theory]
    [InlineData("imx477")] // HQ camera: depends on the lens
    [InlineData("imx296")]
    [InlineData(null)]
    public void Lens_dependent_or_unknown_sensors_have_none(string? sensor)
    {
        Assert.Null(FieldOfView.ForSensor(sensor));
    }

    [Theory]
    [InlineData(10.0, 5, 15)]
    [InlineData(85.0, 10, 90)]
    [InlineData(-85.0, -10, -90)]
    [InlineData(null, -3, -3)]
    [InlineData(0.0, 180, 90)]
    public void Relative_moves_add_and_clamp_to_the_servo_range(double? current, double by, double expected)
    {
        Assert.Equal(expected, PanTiltAngle.Offset(current, by));
    }
}
