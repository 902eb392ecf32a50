using PiStream.Services.Detection;
using PiStream.Tests;
using Xunit;

namespace PiStream.Tests.Services.Detection;

public sealed class LibcameraListParserTests
{
    [Fact]
    public void One_camera_gives_sensor_maximum_and_modes_with_fps_and_ignores_log_lines_after_it()
    {
        var cameras = LibcameraListParser.Parse(TestFixtures.Read("rpicam/one-camera.txt"));

        var camera = Assert.Single(cameras);
        Assert.Equal(0, camera.Index);
        Assert.Equal("imx708_wide", camera.Sensor);
        Assert.Equal((4608, 2592), (camera.MaxWidth, camera.MaxHeight));
        Assert.Equal("/base/soc/i2c0mux/i2c@1/imx708@1a", camera.DevicePath);
        Assert.Equal(
            [new SensorMode("SRGGB10_CSI2P", 1536, 864, 120.13), new SensorMode("SRGGB10_CSI2P", 2304, 1296, 56.03), new SensorMode("SRGGB10_CSI2P", 4608, 2592, 14.35)],
            camera.Modes);
    }

    [Fact]
    public void Two_cameras_keep_their_own_modes_and_each_mode_its_format()
    {
        var cameras = LibcameraListParser.Parse(TestFixtures.Read("rpicam/two-cameras.txt"));

        Assert.Equal(2, cameras.Count);
        Assert.Equal(("imx477", 4056, 3040), (cameras[0].Sensor, cameras[0].MaxWidth, cameras[0].MaxHeight));
        Assert.Equal(4, cameras[0].Modes.Count);
        Assert.Equal(new SensorMode("SRGGB10_CSI2P", 1332, 990, 120.05), cameras[0].Modes[0]);
        Assert.Equal(new SensorMode("SRGGB12_CSI2P", 4056, 3040, 10.00), cameras[0].Modes[3]);
        Assert.Equal((1, "imx219"), (cameras[1].Index, cameras[1].Sensor));
        Assert.Equal(8, cameras[1].Modes.Count);
        Assert.Equal(new SensorMode("SRGGB8", 640, 480, 103.33), cameras[1].Modes[0]);
        Assert.Equal(new SensorMode("SRGGB10_CSI2P", 3280, 2464, 21.19), cameras[1].Modes[7]);
    }

    [Fact]
    public void Older_build_lists_modes_without_fps()
    {
        var camera = Assert.Single(LibcameraListParser.Parse(TestFixtures.Read("rpicam/older-build.txt")));

        Assert.Equal(("imx219", 3280, 2464), (camera.Sensor, camera.MaxWidth, camera.MaxHeight));
        Assert.Equal(8, camera.Modes.Count);
        Assert.All(camera.Modes, mode => Assert.Null(mode.Fps));
        Assert.Equal(new SensorMode("SRGGB10_CSI2P", 640, 480, null), camera.Modes[0]);
        Assert.Equal(new SensorMode("SRGGB8", 3280, 2464, null), camera.Modes[7]);
    }

    [Fact]
    public void No_cameras_available_gives_an_empty_list()
    {
        Assert.Empty(LibcameraListParser.Parse(TestFixtures.Read("rpicam/no-cameras.txt")));
    }
}
