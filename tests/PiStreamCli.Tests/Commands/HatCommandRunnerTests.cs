using PiStream.Commands;
using PiStream.Services.Lights;
using PiStream.Services.PanTilt;
using PiStream.Tests.Support;

namespace PiStream.Tests.Commands;

/// <summary><c>orient</c> and <c>light</c> share one mapping of failures to messages and exit codes, directly and through --server.</summary>
public sealed class HatCommandRunnerTests
{
    [Fact]
    public async Task Both_commands_against_a_server_without_a_hat_exit_3_with_the_servers_answer()
    {
        await using var server = await TestServer.StartAsync();
        var uri = new Uri($"http://127.0.0.1:{server.Host.HttpPort}/");
        using var orientError = new StringWriter();
        using var lightError = new StringWriter();

        var orient = await OrientCommand.RunRemoteAsync(uri, new Orientation(10, null), TextWriter.Null, orientError, CancellationToken.None);
        var light = await LightCommand.RunRemoteAsync(uri, [new LightChange(LightChange.All, LightColor.Off)], TextWriter.Null, lightError, CancellationToken.None);

        Assert.Equal((3, 3), (orient, light));
        Assert.StartsWith($"error: {uri} answered: ", orientError.ToString());
        Assert.StartsWith($"error: {uri} answered: ", lightError.ToString());
    }

    [Fact]
    public async Task A_value_the_server_refuses_is_exit_2_and_nothing_listening_is_exit_1_for_both()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { PanTilt = new PanTiltSettings(PanTiltMode.Sim, PanTiltHatOptions.Default) });
        var uri = new Uri($"http://127.0.0.1:{server.Host.HttpPort}/");
        var nowhere = new Uri($"http://127.0.0.1:{FreePorts.Free()}/");
        using var error = new StringWriter();

        Assert.Equal(2, await LightCommand.RunRemoteAsync(uri, [new LightChange(99, LightColor.Off)], TextWriter.Null, error, CancellationToken.None));
        Assert.Equal(1, await LightCommand.RunRemoteAsync(nowhere, [], TextWriter.Null, error, CancellationToken.None));
        Assert.Equal(1, await OrientCommand.RunRemoteAsync(nowhere, default, TextWriter.Null, error, CancellationToken.None));
        Assert.Equal(2, error.ToString().Split("cannot reach pistream serve at").Length - 1);
    }

    [Fact]
    public async Task Both_commands_without_an_i2c_bus_exit_3_with_the_same_fix()
    {
        using var devices = new TempFolder();
        using var orientError = new StringWriter();
        using var lightError = new StringWriter();

        var orient = await OrientCommand.RunLocalAsync(PanTiltHatOptions.Default, default, TextWriter.Null, orientError, CancellationToken.None, devices.Path);
        var light = await LightCommand.RunLocalAsync(PanTiltHatOptions.Default, LightsSettings.Default, [], TextWriter.Null, lightError, devices.Path);

        Assert.Equal((3, 3), (orient, light));
        Assert.Equal(orientError.ToString(), lightError.ToString());
        Assert.Contains("sudo raspi-config nonint do_i2c 0", orientError.ToString());
    }
}
