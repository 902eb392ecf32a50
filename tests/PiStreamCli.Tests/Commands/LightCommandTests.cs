using PiStream.Commands;
using PiStream.Services.Lights;
using PiStream.Services.PanTilt;
using PiStream.Tests.Services.PanTilt;
using PiStream.Tests.Support;

namespace PiStream.Tests.Commands;

/// <summary><c>pistream light</c> on this machine's HAT (simulated), and its errors.</summary>
public sealed class LightCommandTests
{
    [Fact]
    public async Task Setting_one_pixel_keeps_the_others_and_writes_the_exact_bytes()
    {
        var device = new RecordingPanTiltDevice();
        var pixels = new byte[PanTiltHat.LightBufferLength];
        pixels[0] = 9; // pixel 0 green level, set by an earlier run
        device.Write([(byte)PanTiltRegister.Lights, .. pixels]);
        using var hat = new PanTiltHat(device);
        using var output = new StringWriter();

        var exitCode = await LightCommand.RunAsync(hat, LightsSettings.Default, [new LightChange(1, new LightColor(255, 128, 0, 7))], output);

        Assert.Equal(0, exitCode);
        Assert.Equal("lights: 0=0,9,0,0 1=255,128,0,7 2=0,0,0,0 3=0,0,0,0 4=0,0,0,0 5=0,0,0,0 6=0,0,0,0 7=0,0,0,0", output.ToString().Trim());
        Assert.Equal(new byte[] { 9, 0, 0, 0, 128, 255, 0, 7, 0 }, device.ShownLights[..9]);
        Assert.Equal("W 4E 01", device.Transactions[^1]);
    }

    [Fact]
    public async Task Light_server_sets_the_lights_of_a_running_serve_as_a_user_would_type_it()
    {
        var port = FreePorts.Free();
        await using var serve = await CliProcess.ServeAsync("--pantilt", "sim", "--source", "test", "--bind", "127.0.0.1", "--port", $"{port}", "--ws-port", "0");
        var server = $"http://127.0.0.1:{port}";

        var all = await CliProcess.RunAsync("light", "--server", server, "--rgbw", "0,0,0,40");
        var one = await CliProcess.RunAsync("light", "--server", server, "--index", "3", "--rgbw", "255,0,0,0");
        var read = await CliProcess.RunAsync("light", "--server", server);
        var off = await CliProcess.RunAsync("light", "--server", server, "--off");

        Assert.Equal((0, "lights: 0=0,0,0,40 1=0,0,0,40 2=0,0,0,40 3=0,0,0,40 4=0,0,0,40 5=0,0,0,40 6=0,0,0,40 7=0,0,0,40\n", ""), all);
        Assert.Equal((0, "lights: 0=0,0,0,40 1=0,0,0,40 2=0,0,0,40 3=255,0,0,0 4=0,0,0,40 5=0,0,0,40 6=0,0,0,40 7=0,0,0,40\n", ""), one);
        Assert.Equal(one, read);
        Assert.Equal((0, "lights: 0=0,0,0,0 1=0,0,0,0 2=0,0,0,0 3=0,0,0,0 4=0,0,0,0 5=0,0,0,0 6=0,0,0,0 7=0,0,0,0\n", ""), off);
    }

    [Fact]
    public async Task Without_a_colour_it_only_reads()
    {
        var device = new RecordingPanTiltDevice();
        using var hat = new PanTiltHat(device);
        using var output = new StringWriter();

        await LightCommand.RunAsync(hat, new LightsSettings(LightType.Rgb, 2), [], output);

        Assert.Equal("lights: 0=0,0,0,0 1=0,0,0,0", output.ToString().Trim());
        Assert.DoesNotContain(device.Transactions, t => t.StartsWith("W ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_i2c_bus_it_exits_3_with_the_fix()
    {
        using var devices = new TempFolder();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await LightCommand.RunLocalAsync(PanTiltHatOptions.Default, LightsSettings.Default, [new LightChange(-1, LightColor.Off)], output, error, devices.Path);

        Assert.Equal(3, exitCode);
        Assert.Contains("raspi-config nonint do_i2c 0", error.ToString());
    }

    [Theory]
    [InlineData("--rgbw 1,2,3", "give four numbers R,G,B,W")]
    [InlineData("--rgbw 1,2,3,256", "256 is out of range")]
    [InlineData("--rgbw 1,2,3,4 --off", "Give --rgbw or --off, not both")]
    [InlineData("--index 2", "--index needs a colour")]
    [InlineData("--index 8 --rgbw 1,1,1,1", "--index 8 does not exist")]
    [InlineData("--light-type rgbw --light-count 19", "--light-count 19 is too many for --light-type rgbw")]
    [InlineData("--light-type bgr", "--light-type 'bgr' is not one of")]
    public async Task Bad_values_exit_2_and_change_nothing(string given, string expected)
    {
        using var error = new StringWriter();

        var exitCode = await PiStreamCommandLine.RunAsync(PiStreamCommandLine.Create(), ["light", .. given.Split(' ')], error);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error.ToString());
    }
}
