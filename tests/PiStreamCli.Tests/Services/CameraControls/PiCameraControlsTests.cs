using PiStream.Services.CameraControls;

namespace PiStream.Tests.Services.CameraControls;

/// <summary>Which camera-control options apply to a Pi camera's sensor (pistream's table: rpicam-apps cannot list them).</summary>
public sealed class PiCameraControlsTests
{
    [Theory]
    [InlineData("imx708", true, true)]
    [InlineData("imx708_wide_noir", true, true)]
    [InlineData("ov64a40", true, false)]
    [InlineData("imx219", false, false)]
    [InlineData("imx477", false, false)]
    [InlineData("ov5647", false, false)]
    public void Focus_options_need_a_focus_motor_and_sensor_hdr_needs_camera_module_3(string sensor, bool focus, bool hdr)
    {
        var controls = PiCameraControls.ForSensor(sensor);

        Assert.Equal((focus, hdr), (controls.FocusMotor, controls.SensorHdr));
        Assert.Equal(focus, controls.Options.Contains("--autofocus-mode") && controls.Options.Contains("--lens-position"));
        Assert.Equal(hdr, controls.Options.Contains("--hdr"));
        Assert.Contains("--shutter", controls.Options);
        Assert.Contains("--roi", controls.Options);
    }

    [Fact]
    public void Monochrome_sensors_have_no_colour_controls()
    {
        var controls = PiCameraControls.ForSensor("imx296_mono");

        Assert.True(controls.Monochrome);
        Assert.DoesNotContain("--awb", controls.Options);
        Assert.DoesNotContain("--saturation", controls.Options);
        Assert.Contains("--awb", PiCameraControls.ForSensor("imx296").Options);
    }

    [Fact]
    public void Hdr_modes_depend_on_the_sensor_and_on_a_pi_5()
    {
        Assert.Equal(["auto", "sensor"], PiCameraControls.ForSensor("imx708").HdrModes(isPi5: false));
        Assert.Equal(["auto", "sensor", "single-exp"], PiCameraControls.ForSensor("imx708").HdrModes(isPi5: true));
        Assert.Equal(["auto", "single-exp"], PiCameraControls.ForSensor("imx219").HdrModes(isPi5: true));
        Assert.Empty(PiCameraControls.ForSensor("imx219").HdrModes(isPi5: false));
    }
}
