using Microsoft.Extensions.Time.Testing;
using PiStream.Services.PanTilt;
using Xunit;

namespace PiStream.Tests.Services.PanTilt;

/// <summary>Worked examples of the HAT's register protocol (Services/PanTilt/README.md, PanTiltRegister), checked byte for byte.</summary>
public sealed class PanTiltHatTests : IDisposable
{
    private readonly RecordingPanTiltDevice _device = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void First_pan_move_enables_servo_one_then_writes_the_word_low_byte_first()
    {
        using var hat = Hat();

        hat.Pan(0); // 575 + 1750 * 90 / 180 = 1450 = 0x05AA

        Assert.Equal(["W 00 01", "W 01 AA 05"], _device.Transactions);
        Assert.Equal(1450, _device.Word(PanTiltRegister.Servo1));
    }

    [Fact]
    public void Second_move_writes_only_the_word()
    {
        using var hat = Hat();
        hat.Pan(0);

        hat.Pan(90); // 2325 = 0x0915

        Assert.Equal(["W 00 01", "W 01 AA 05", "W 01 15 09"], _device.Transactions);
    }

    [Fact]
    public void Tilt_enables_servo_two_alongside_servo_one()
    {
        using var hat = Hat();
        hat.Pan(0);

        hat.Tilt(-90); // 575 = 0x023F

        Assert.Equal(["W 00 01", "W 01 AA 05", "W 00 03", "W 03 3F 02"], _device.Transactions);
    }

    [Fact]
    public void Moving_both_axes_writes_one_config_byte_then_both_words()
    {
        using var hat = Hat();

        hat.Move(new Orientation(45, -45)); // 575 + 1750 * 135 / 180 = 1887 = 0x075F; 575 + 1750 * 45 / 180 = 1012 = 0x03F4

        Assert.Equal(["W 00 03", "W 01 5F 07", "W 03 F4 03"], _device.Transactions);
    }

    [Fact]
    public void Each_servo_is_disabled_after_the_idle_timeout_since_its_own_last_move()
    {
        using var hat = Hat();
        hat.Pan(10);
        _time.Advance(TimeSpan.FromSeconds(1));
        hat.Tilt(10);

        _time.Advance(TimeSpan.FromSeconds(0.9));
        Assert.Equal(3, _device.Transactions.Count - 1); // still only enable, word, enable, word
        Assert.Equal(0x03, _device.Config);

        _time.Advance(TimeSpan.FromSeconds(0.1)); // 2 s after the pan move
        Assert.Equal("W 00 02", _device.Transactions[^1]);

        _time.Advance(TimeSpan.FromSeconds(1)); // 2 s after the tilt move
        Assert.Equal("W 00 00", _device.Transactions[^1]);
        Assert.Equal(6, _device.Transactions.Count);
    }

    [Fact]
    public void A_move_before_the_timeout_postpones_the_disable()
    {
        using var hat = Hat();
        hat.Pan(10);
        _time.Advance(TimeSpan.FromSeconds(1.5));
        hat.Pan(20);

        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(0x01, _device.Config);

        _time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(0x00, _device.Config);

        hat.Pan(30); // re-enabled on the next move
        Assert.Equal(["W 00 01", "W 01 0B 06", "W 01 6C 06", "W 00 00", "W 00 01", "W 01 CD 06"], _device.Transactions);
    }

    [Fact]
    public void Read_back_reads_both_words_and_rounds_to_whole_degrees()
    {
        using var hat = Hat();
        hat.Move(new Orientation(45, -12.4));
        var before = _device.Transactions.Count;

        var orientation = hat.Read();

        Assert.Equal(["R 01 -> 2", "R 03 -> 2"], _device.Transactions.Skip(before));
        Assert.Equal(new Orientation(45, -12), orientation);
    }

    [Fact]
    public void Read_back_of_a_servo_never_set_is_unknown()
    {
        _device.Write([(byte)PanTiltRegister.Servo1, 0, 0]);
        using var hat = Hat();

        Assert.Equal(new Orientation(null, 0), hat.Read());
    }

    [Fact]
    public void Inversion_negates_the_angle_on_the_way_in_and_out()
    {
        using var hat = Hat(new PanTiltHatOptions { InvertPan = true, InvertTilt = true });

        hat.Move(new Orientation(30, -90)); // written as -30 (1158 = 0x0486) and 90 (2325 = 0x0915)

        Assert.Equal(["W 00 03", "W 01 86 04", "W 03 15 09"], _device.Transactions);
        Assert.Equal(new Orientation(30, -90), hat.Read());
    }

    [Fact]
    public void Calibration_changes_the_pulse_widths()
    {
        using var hat = Hat(new PanTiltHatOptions { MinPulseMicroseconds = 500, MaxPulseMicroseconds = 2500 });

        hat.Move(new Orientation(90, 0)); // 2500 = 0x09C4, 1500 = 0x05DC

        Assert.Equal(["W 00 03", "W 01 C4 09", "W 03 DC 05"], _device.Transactions);
        Assert.Equal(new Orientation(90, 0), hat.Read());
    }

    [Theory]
    [InlineData(90.5)]
    [InlineData(-91)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void An_angle_outside_the_range_is_rejected_and_nothing_is_written(double angle)
    {
        using var hat = Hat();

        var pan = Assert.Throws<ArgumentOutOfRangeException>(() => hat.Pan(angle));
        var both = Assert.Throws<ArgumentOutOfRangeException>(() => hat.Move(new Orientation(10, angle)));

        Assert.Equal("pan", pan.ParamName);
        Assert.Equal("tilt", both.ParamName);
        Assert.Contains("-90 to 90", both.Message);
        Assert.Empty(_device.Transactions);
        Assert.Equal(0, _device.Attempts);
    }

    [Fact]
    public void Transient_io_errors_are_retried()
    {
        using var hat = Hat();
        _device.FailNext(3);

        hat.Pan(0);

        Assert.Equal(["W 00 01", "W 01 AA 05"], _device.Transactions);
        Assert.Equal(5, _device.Attempts);
    }

    [Fact]
    public void A_persistent_io_error_surfaces_after_ten_attempts_with_what_to_check()
    {
        using var hat = Hat();
        _device.FailNext(int.MaxValue);

        var error = Assert.Throws<PanTiltUnavailableException>(() => hat.Pan(0));

        Assert.Equal(10, _device.Attempts);
        Assert.Contains("0x15 on /dev/i2c-1 did not answer (10 attempts", error.Message);
        Assert.Contains("i2cdetect -y 1", error.Message);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Throws<PanTiltUnavailableException>(() => hat.Read());
    }

    [Fact]
    public void Dispose_disables_both_servos_and_closes_the_device()
    {
        var hat = Hat();
        hat.Move(new Orientation(0, 0));

        hat.Dispose();

        Assert.Equal("W 00 00", _device.Transactions[^1]);
        Assert.True(_device.IsDisposed);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(4, _device.Transactions.Count);
    }

    public void Dispose() => _device.Dispose();

    private PanTiltHat Hat(PanTiltHatOptions? options = null) =>
        new(_device, (options ?? PanTiltHatOptions.Default) with { RetryDelay = TimeSpan.Zero }, _time);
}
