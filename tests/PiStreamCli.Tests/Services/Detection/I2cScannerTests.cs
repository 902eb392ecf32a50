using System.Device.I2c;
using PiStream.Services.Detection;
using PiStream.Services.PanTilt;
using PiStream.Tests.Services.PanTilt;
using Xunit;

namespace PiStream.Tests.Services.Detection;

public sealed class I2cScannerTests : IDisposable
{
    private readonly string _dev = Directory.CreateTempSubdirectory("pistream-dev-").FullName;

    public void Dispose() => Directory.Delete(_dev, recursive: true);

    [Fact]
    public void Buses_are_listed_in_bus_order()
    {
        foreach (var name in new[] { "i2c-20", "i2c-1", "i2c-2", "video0", "i2c-x" })
        {
            File.WriteAllText(Path.Combine(_dev, name), "");
        }

        Assert.Equal(["i2c-1", "i2c-2", "i2c-20"], new I2cScanner(_dev).ListBuses().Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_bus_is_reported_without_opening_anything()
    {
        var scanner = new I2cScanner(_dev, _ => throw new InvalidOperationException("must not open a device when the bus file is missing"));

        var scan = scanner.ScanForHat(PanTiltHatOptions.Default);

        Assert.Empty(scanner.ListBuses());
        Assert.Equal((false, false), (scan.BusPresent, scan.Answers));
        Assert.Equal(Path.Combine(_dev, "i2c-1"), scan.BusPath);
    }

    [Fact]
    public void A_hat_that_answers_reports_its_angles_from_the_pulse_width_words()
    {
        File.WriteAllText(Path.Combine(_dev, "i2c-1"), "");
        var device = new RecordingPanTiltDevice();
        device.Write([(byte)PanTiltRegister.Servo1, 1887 & 0xFF, 1887 >> 8]); // pan 45° = 575 + (int)(1750 * 135 / 180.0) = 1887 µs
        device.Write([(byte)PanTiltRegister.Servo2, 1012 & 0xFF, 1012 >> 8]); // tilt -45° = 575 + (int)(1750 * 45 / 180.0) = 1012 µs
        I2cConnectionSettings? asked = null;
        var scanner = new I2cScanner(_dev, settings => { asked = settings; return device; });

        var scan = scanner.ScanForHat(PanTiltHatOptions.Default);

        Assert.True(scan.Answers);
        Assert.Equal((45, -45), (scan.PanDegrees, scan.TiltDegrees));
        Assert.Equal((1, 0x15), (asked!.BusId, asked.DeviceAddress));
        Assert.Equal(["R 01 -> 2", "R 03 -> 2"], device.Transactions.Skip(2));
        Assert.Equal(0, device.Config);
        Assert.True(device.IsDisposed);
    }

    [Fact]
    public void The_scan_asks_the_bus_and_address_it_is_given()
    {
        File.WriteAllText(Path.Combine(_dev, "i2c-3"), "");
        I2cConnectionSettings? asked = null;
        var scanner = new I2cScanner(_dev, settings => { asked = settings; return new SimulatedPanTiltDevice(settings.BusId, settings.DeviceAddress); });

        var scan = scanner.ScanForHat(new PanTiltHatOptions { BusId = 3, Address = 0x16 });

        Assert.Equal((3, 0x16), (asked!.BusId, asked.DeviceAddress));
        Assert.Equal((3, Path.Combine(_dev, "i2c-3"), 0x16, true), (scan.Bus, scan.BusPath, scan.Address, scan.Answers));
        Assert.Equal((0, 0), (scan.PanDegrees, scan.TiltDegrees));
    }

    [Fact]
    public void Angles_are_read_with_the_calibration_it_is_given()
    {
        File.WriteAllText(Path.Combine(_dev, "i2c-1"), "");
        var device = new SimulatedPanTiltDevice();
        device.Write([(byte)PanTiltRegister.Servo1, 2000 & 0xFF, 2000 >> 8, 1450 & 0xFF, 1450 >> 8]);
        var calibrated = new PanTiltHatOptions { MinPulseMicroseconds = 1000, MaxPulseMicroseconds = 2000 };

        var scan = new I2cScanner(_dev, _ => device).ScanForHat(calibrated);

        Assert.Equal((90, -9), (scan.PanDegrees, scan.TiltDegrees)); // 2000 µs is +90° here, and 1450 µs is 450/1000 * 180 - 90 = -9°
    }

    [Fact]
    public void A_hat_whose_servos_were_never_set_answers_without_angles()
    {
        File.WriteAllText(Path.Combine(_dev, "i2c-1"), "");
        var device = new SimulatedPanTiltDevice();
        device.Write([(byte)PanTiltRegister.Servo1, 0, 0, 0, 0]);

        var scan = new I2cScanner(_dev, _ => device).ScanForHat(PanTiltHatOptions.Default);

        Assert.True(scan.Answers);
        Assert.Equal((null, null), (scan.PanDegrees, scan.TiltDegrees));
    }

    [Fact]
    public void Nothing_at_the_address_is_reported_with_the_bus_error()
    {
        File.WriteAllText(Path.Combine(_dev, "i2c-1"), "");
        var device = new RecordingPanTiltDevice();
        device.FailNext(int.MaxValue);

        var scan = new I2cScanner(_dev, _ => device).ScanForHat(PanTiltHatOptions.Default with { RetryDelay = TimeSpan.Zero });

        Assert.Equal((true, false), (scan.BusPresent, scan.Answers));
        Assert.Contains("Error 121", scan.Error);
        Assert.True(device.IsDisposed);
    }
}
