using System.Device.I2c;
using PiStream.Services.Detection;
using Xunit;

namespace PiStream.Tests.Services.Detection;

public sealed class I2cScannerTests : IDisposable
{
    private readonly string _dev = Directory.CreateTempSubdirectory("pistream-dev-").FullName;

    public void Dispose() => Directory.Delete(_dev, recursive: true);

    [Fact]
    public void ListBuses_GivesI2cDeviceFilesInBusOrder()
    {
        foreach (var name in new[] { "i2c-20", "i2c-1", "i2c-2", "video0", "i2c-x" })
        {
            File.WriteAllText(Path.Combine(_dev, name), "");
        }

        Assert.Equal(["i2c-1", "i2c-2", "i2c-20"], new I2cScanner(_dev).ListBuses().Select(Path.GetFileName));
    }

    [Fact]
    public void NoBus_SaysSoWithoutOpeningAnything()
    {
        var scanner = new I2cScanner(_dev, _ => throw new InvalidOperationException("must not open a device when the bus file is missing"));

        var scan = scanner.ScanForHat();

        Assert.Empty(scanner.ListBuses());
        Assert.Equal((false, false), (scan.BusPresent, scan.Answers));
        Assert.Equal(Path.Combine(_dev, "i2c-1"), scan.BusPath);
    }

    [Fact]
    public void HatThatAnswers_ReportsItsAngles_FromThePulseWidthWords()
    {
        File.WriteAllText(Path.Combine(_dev, "i2c-1"), "");
        var registers = new byte[0x50];
        registers[0x00] = 0b11;
        registers[0x01] = 1887 & 0xFF; // pan 45° = 575 + (int)(1750 / 180.0 * 135) = 1887 µs
        registers[0x02] = 1887 >> 8;
        registers[0x03] = 1012 & 0xFF; // tilt -45° = 575 + (int)(1750 / 180.0 * 45) = 1012 µs
        registers[0x04] = 1012 >> 8;
        SimulatedI2cDevice? opened = null;
        var scanner = new I2cScanner(_dev, settings => opened = new SimulatedI2cDevice(settings, registers));

        var scan = scanner.ScanForHat();

        Assert.True(scan.Answers);
        Assert.Equal((45, -45), (scan.PanDegrees, scan.TiltDegrees));
        Assert.Equal((1, 0x15), (opened!.ConnectionSettings.BusId, opened.ConnectionSettings.DeviceAddress));
        Assert.True(opened.Disposed);
    }

    [Fact]
    public void HatWhoseServosWereNeverSet_AnswersWithoutAngles()
    {
        File.WriteAllText(Path.Combine(_dev, "i2c-1"), "");
        var scan = new I2cScanner(_dev, settings => new SimulatedI2cDevice(settings, new byte[0x50])).ScanForHat();

        Assert.True(scan.Answers);
        Assert.Equal((null, null), (scan.PanDegrees, scan.TiltDegrees));
    }

    [Fact]
    public void NothingAtTheAddress_IsReportedWithTheBusError()
    {
        File.WriteAllText(Path.Combine(_dev, "i2c-1"), "");
        var scan = new I2cScanner(_dev, settings => new SimulatedI2cDevice(settings, null)).ScanForHat();

        Assert.Equal((true, false), (scan.BusPresent, scan.Answers));
        Assert.Contains("Error 121", scan.Error);
    }

    [Fact]
    public void AngleFromPulse_InvertsTheHatMappingForEveryWholeAngle()
    {
        for (var angle = -90; angle <= 90; angle++)
        {
            var pulse = 575 + (int)((2325 - 575) / 180.0 * (angle + 90));
            Assert.Equal(angle, I2cScanner.AngleFromPulse(pulse));
        }

        Assert.Null(I2cScanner.AngleFromPulse(0));
        Assert.Null(I2cScanner.AngleFromPulse(2326));
    }
}
