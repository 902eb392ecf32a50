using Microsoft.Extensions.Time.Testing;
using PiStream.Services.Lights;
using PiStream.Services.PanTilt;
using PiStream.Tests.Services.PanTilt;

namespace PiStream.Tests.Services.Lights;

/// <summary>The HAT's light protocol (Services/PanTilt/README.md), checked byte for byte against the simulated register file.</summary>
public sealed class HatLightsTests : IDisposable
{
    private static readonly string Zeros32 = string.Join(' ', Enumerable.Repeat("00", 32));
    private readonly RecordingPanTiltDevice _device = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Showing_sets_ws2812_mode_then_writes_three_blocks_and_the_update()
    {
        using var hat = Hat();
        var lights = new HatLights(hat, new LightsSettings(LightType.Grbw, 8));

        lights.Apply([new LightChange(0, new LightColor(0xFF, 0x80, 0x01, 0x40))]);
        lights.Show();

        Assert.Equal(
        [
            "W 00 0C",
            "W 05 80 FF 01 40 " + string.Join(' ', Enumerable.Repeat("00", 28)),
            "W 25 " + Zeros32,
            "W 45 00 00 00 00 00 00 00 00",
            "W 4E 01",
        ], _device.Transactions);
        Assert.Equal(1, _device.LightUpdates);
    }

    [Theory]
    [InlineData("grbw", 1, "00 00 00 00 20 10 30 40")]
    [InlineData("rgbw", 1, "00 00 00 00 10 20 30 40")]
    [InlineData("rgb", 1, "00 00 00 10 20 30 00 00")]
    [InlineData("grb", 1, "00 00 00 20 10 30 00 00")]
    public void Each_pixel_order_puts_the_levels_where_the_strip_reads_them(string typeName, int index, string firstBytes)
    {
        var type = Enum.Parse<LightType>(typeName, ignoreCase: true);
        using var hat = Hat();
        var lights = new HatLights(hat, new LightsSettings(type, 8));

        lights.Apply([new LightChange(index, new LightColor(0x10, 0x20, 0x30, 0x40))]);
        lights.Show();

        Assert.StartsWith("W 05 " + firstBytes + " ", _device.Transactions[1]);
        Assert.Equal(new LightColor(0x10, 0x20, 0x30, type is LightType.Rgb or LightType.Grb ? (byte)0 : (byte)0x40), lights.Colors[index]);
    }

    [Fact]
    public void All_pixels_means_the_configured_count_and_the_last_change_wins()
    {
        using var hat = Hat();
        var lights = new HatLights(hat, new LightsSettings(LightType.Rgbw, 3));

        lights.Apply([new LightChange(LightChange.All, new LightColor(1, 2, 3, 4)), new LightChange(2, new LightColor(9, 9, 9, 9))]);
        lights.Show();

        var shown = _device.ShownLights;
        Assert.Equal(new byte[] { 1, 2, 3, 4, 1, 2, 3, 4, 9, 9, 9, 9, 0, 0, 0, 0 }, shown[..16]);
        Assert.Equal([new LightColor(1, 2, 3, 4), new LightColor(1, 2, 3, 4), new LightColor(9, 9, 9, 9)], lights.Colors);
    }

    [Fact]
    public void A_pixel_that_does_not_exist_changes_nothing()
    {
        using var hat = Hat();
        var lights = new HatLights(hat, new LightsSettings(LightType.Grbw, 8));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            lights.Apply([new LightChange(0, new LightColor(1, 1, 1, 1)), new LightChange(8, new LightColor(2, 2, 2, 2))]));

        Assert.Contains("use 0 to 7", error.Message);
        Assert.All(lights.Colors, color => Assert.Equal(LightColor.Off, color));
    }

    [Fact]
    public void The_simulator_shows_the_buffer_only_after_the_update_register()
    {
        using var hat = Hat();
        Span<byte> pixels = stackalloc byte[PanTiltHat.LightBufferLength];
        pixels[0] = 7;

        _device.Write([(byte)PanTiltRegister.Lights, 7]);
        Assert.Equal(0, _device.ShownLights[0]);

        hat.ShowLights(pixels);
        Assert.Equal(7, _device.ShownLights[0]);
        Assert.Equal(1, _device.LightUpdates);
    }

    [Fact]
    public void Servo_moves_and_the_idle_timeout_keep_the_lights_on()
    {
        using (var hat = Hat())
        {
            hat.ShowLights(new byte[PanTiltHat.LightBufferLength]);
            hat.Pan(0);
            Assert.Equal(0x0D, _device.Config);

            _time.Advance(TimeSpan.FromSeconds(2));
            Assert.Equal(0x0C, _device.Config);

            hat.Tilt(0);
            Assert.Equal(0x0E, _device.Config);
        }

        Assert.Equal(0x0C, _device.Config);
        Assert.Equal("W 00 0C", _device.Transactions[^1]);
    }

    [Fact]
    public void A_new_driver_adopts_the_light_bits_it_finds()
    {
        _device.Write([(byte)PanTiltRegister.Config, 0x0C]);
        using var hat = Hat();

        hat.AdoptLightConfig();
        hat.Pan(0);

        Assert.Equal(["W 00 0C", "R 00 -> 1", "W 00 0D", "W 01 AA 05"], _device.Transactions);
    }

    [Fact]
    public void Loading_reads_the_buffer_back_in_the_same_three_blocks()
    {
        using var hat = Hat();
        var pixels = new byte[PanTiltHat.LightBufferLength];
        pixels[4] = 0x22;
        pixels[5] = 0x11;
        pixels[71] = 0x99;
        hat.ShowLights(pixels);
        var lights = new HatLights(hat, new LightsSettings(LightType.Grbw, 18));

        lights.Load();

        Assert.Equal(["R 05 -> 32", "R 25 -> 32", "R 45 -> 8"], _device.Transactions.TakeLast(3));
        Assert.Equal(new LightColor(0x11, 0x22, 0, 0), lights.Colors[1]);
        Assert.Equal(0x99, lights.Colors[17].White);
    }

    [Theory]
    [InlineData("grbw", 19)]
    [InlineData("rgb", 25)]
    [InlineData("grb", 0)]
    public void A_strip_longer_than_the_buffer_is_refused(string typeName, int count)
    {
        var type = Enum.Parse<LightType>(typeName, ignoreCase: true);
        using var hat = Hat();

        Assert.Throws<ArgumentOutOfRangeException>(() => new HatLights(hat, new LightsSettings(type, count)));
    }

    public void Dispose() => _device.Dispose();

    private PanTiltHat Hat() => new(_device, PanTiltHatOptions.Default, _time);
}
