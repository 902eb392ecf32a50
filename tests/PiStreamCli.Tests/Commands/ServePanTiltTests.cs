using Xunit;

using PiStream.Tests.Support;

namespace PiStream.Tests.Commands;

/// <summary><c>serve --pantilt</c> choices that stop before anything streams.</summary>
public sealed class ServePanTiltTests
{
    [Fact]
    public async Task Serve_pantilt_hat_without_the_bus_stops_with_the_fix()
    {
        var (exitCode, _, error) = await CliProcess.RunAsync(
            "serve", "--pantilt", "hat", "--i2c-bus", "250", "--source", "test", "--bind", "127.0.0.1", "--port", "0", "--ws-port", "0");

        Assert.Equal(3, exitCode);
        Assert.Contains("/dev/i2c-250 does not exist", error);
        Assert.Contains("sudo raspi-config nonint do_i2c 0", error);
    }

    [Fact]
    public async Task An_unknown_pan_tilt_mode_is_refused()
    {
        var (exitCode, _, error) = await CliProcess.RunAsync("serve", "--pantilt", "servo");

        Assert.Equal(2, exitCode);
        Assert.Contains("--pantilt 'servo' is not a pan-tilt mode: use auto, hat, sim or none.", error);
    }
}
