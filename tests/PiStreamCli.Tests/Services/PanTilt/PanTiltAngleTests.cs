using PiStream.Services.PanTilt;
using Xunit;

namespace PiStream.Tests.Services.PanTilt;

public sealed class PanTiltAngleTests
{
    [Theory]
    [InlineData(-90, 575)]
    [InlineData(0, 1450)]
    [InlineData(90, 2325)]
    [InlineData(45, 1887)]
    [InlineData(-45, 1012)]
    public void Worked_examples_of_the_hat_mapping(double angle, int pulse) =>
        Assert.Equal(pulse, PanTiltAngle.ToPulse(angle, PanTiltHatOptions.DefaultMinPulse, PanTiltHatOptions.DefaultMaxPulse));

    [Fact]
    public void Reading_a_pulse_back_inverts_the_mapping_for_every_whole_angle()
    {
        for (var angle = -90; angle <= 90; angle++)
        {
            var pulse = PanTiltAngle.ToPulse(angle, PanTiltHatOptions.DefaultMinPulse, PanTiltHatOptions.DefaultMaxPulse);
            Assert.Equal(angle, PanTiltAngle.FromPulse(pulse, PanTiltHatOptions.DefaultMinPulse, PanTiltHatOptions.DefaultMaxPulse));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(574)]
    [InlineData(2326)]
    public void A_pulse_outside_the_calibration_has_no_angle(int pulse) =>
        Assert.Null(PanTiltAngle.FromPulse(pulse, PanTiltHatOptions.DefaultMinPulse, PanTiltHatOptions.DefaultMaxPulse));
}
