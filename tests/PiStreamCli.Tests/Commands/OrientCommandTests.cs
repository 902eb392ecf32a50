using PiStream.Commands;
using PiStream.Services.PanTilt;
using Xunit;

using PiStream.Tests.Support;

namespace PiStream.Tests.Commands;

/// <summary><c>pistream orient</c>: through a real <c>serve --pantilt sim</c>, and on a machine without I2C.</summary>
public sealed class OrientCommandTests
{
    [Fact]
    public async Task Orient_server_moves_the_camera_of_a_running_serve_and_prints_the_result()
    {
        var port = FreePorts.Free();
        await using var serve = await CliProcess.ServeAsync(
            "--pantilt", "sim", "--source", "test", "--bind", "127.0.0.1", "--port", $"{port}", "--ws-port", "0");
        var server = $"http://127.0.0.1:{port}";

        var moved = await CliProcess.RunAsync("orient", "--server", server, "--pan", "10", "--tilt", "-5");
        var onlyTilt = await CliProcess.RunAsync("orient", "--server", server, "--tilt", "20");
        var read = await CliProcess.RunAsync("orient", "--server", server);
        var outOfRange = await CliProcess.RunAsync("orient", "--server", server, "--pan", "95");

        Assert.Equal((0, "pan 10, tilt -5\n", ""), moved);
        Assert.Equal((0, "pan 10, tilt 20\n", ""), onlyTilt);
        Assert.Equal((0, "pan 10, tilt 20\n", ""), read);
        Assert.Equal(2, outOfRange.ExitCode);
        Assert.Contains("--pan 95 is out of range: use an angle from -90 to 90 degrees.", outOfRange.Error);
    }

    [Fact]
    public async Task Orient_server_without_a_pan_tilt_device_says_so_and_exits_3()
    {
        var port = FreePorts.Free();
        await using var serve = await CliProcess.ServeAsync(
            "--pantilt", "none", "--source", "test", "--bind", "127.0.0.1", "--port", $"{port}", "--ws-port", "0");

        var (exitCode, output, error) = await CliProcess.RunAsync("orient", "--server", $"http://127.0.0.1:{port}", "--pan", "10");

        Assert.Equal(3, exitCode);
        Assert.Equal("", output);
        Assert.Contains("answered: No pan-tilt device", error);
    }

    [Fact]
    public async Task Orient_server_with_nothing_listening_says_so()
    {
        var (exitCode, _, error) = await CliProcess.RunAsync("orient", "--server", $"http://127.0.0.1:{FreePorts.Free()}", "--pan", "10");

        Assert.Equal(1, exitCode);
        Assert.Contains("cannot reach pistream serve at http://127.0.0.1:", error);
    }

    [Fact]
    public async Task Orient_without_an_i2c_bus_prints_the_fix_and_exits_3()
    {
        // Bus 250 exists on no Raspberry Pi, so this holds on a Pi with I2C enabled too.
        var (exitCode, output, error) = await CliProcess.RunAsync("orient", "--i2c-bus", "250", "--pan", "10");

        Assert.Equal(3, exitCode);
        Assert.Equal("", output);
        Assert.Contains("/dev/i2c-250 does not exist", error);
        Assert.Contains("sudo raspi-config nonint do_i2c 0", error);
    }

    [Fact]
    public async Task With_no_i2c_bus_at_all_the_message_says_i2c_is_disabled()
    {
        var devices = Directory.CreateTempSubdirectory("pistream-dev-");
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();

            var exitCode = await OrientCommand.RunLocalAsync(PanTiltHatOptions.Default, default, output, error, CancellationToken.None, devices.FullName);

            Assert.Equal(3, exitCode);
            Assert.Equal("", output.ToString());
            Assert.Equal($"error: No I2C bus: {devices.FullName}/i2c-1 does not exist. I2C is disabled: sudo raspi-config nonint do_i2c 0 (then reboot).\n", error.ToString());
        }
        finally
        {
            devices.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task With_other_i2c_buses_the_message_lists_them()
    {
        var devices = Directory.CreateTempSubdirectory("pistream-dev-");
        try
        {
            File.WriteAllText(Path.Combine(devices.FullName, "i2c-20"), "");
            var error = new StringWriter();

            var exitCode = await OrientCommand.RunLocalAsync(PanTiltHatOptions.Default, new Orientation(10, null), TextWriter.Null, error, CancellationToken.None, devices.FullName);

            Assert.Equal(3, exitCode);
            Assert.Contains($"this machine has {devices.FullName}/i2c-20): choose the bus with --i2c-bus", error.ToString());
        }
        finally
        {
            devices.Delete(recursive: true);
        }
    }
}
