using System.Device.I2c;
using PiStream.Services.PanTilt;

namespace PiStream.Services.Detection;

/// <summary>
/// Lists the I2C buses (/dev/i2c-N) and asks whether a Pimoroni Pan-Tilt HAT answers where
/// <see cref="PanTiltHatOptions"/> says it is (<c>--i2c-bus</c>, <c>--i2c-address</c>). It reads the servos through
/// the same driver <c>serve</c> uses (<see cref="PanTiltHat"/>), so registers and angle conversion live in one place.
/// <paramref name="deviceRoot"/> and <paramref name="open"/> are seams so tests need no hardware.
/// </summary>
internal sealed class I2cScanner(string deviceRoot = "/dev", Func<I2cConnectionSettings, I2cDevice>? open = null)
{
    private readonly Func<I2cConnectionSettings, I2cDevice> _open = open ?? I2cDevice.Create;

    public static I2cScanner Default { get; } = new();

    /// <summary>The I2C bus device files present, e.g. /dev/i2c-1, in bus order.</summary>
    public IReadOnlyList<string> ListBuses()
    {
        if (!Directory.Exists(deviceRoot))
        {
            return [];
        }

        return Directory.GetFiles(deviceRoot, "i2c-*")
            .Select(path => (Path: path, Bus: int.TryParse(Path.GetFileName(path)["i2c-".Length..], out var bus) ? bus : -1))
            .Where(entry => entry.Bus >= 0)
            .OrderBy(entry => entry.Bus)
            .Select(entry => entry.Path)
            .ToArray();
    }

    /// <summary>Opens the HAT on <paramref name="hat"/>'s bus and address and reads both servos once; never moves them.</summary>
    public PanTiltHatScan ScanForHat(PanTiltHatOptions hat)
    {
        var busPath = Path.Combine(deviceRoot, $"i2c-{hat.BusId}");
        if (!File.Exists(busPath))
        {
            return new PanTiltHatScan(hat.BusId, busPath, hat.Address, false, false, null, null, $"{busPath} does not exist");
        }

        try
        {
            using var driver = new PanTiltHat(_open(new I2cConnectionSettings(hat.BusId, hat.Address)), hat with { IdleTimeout = TimeSpan.Zero });
            var orientation = driver.Read();
            return new PanTiltHatScan(hat.BusId, busPath, hat.Address, true, true, (int?)orientation.Pan, (int?)orientation.Tilt, null);
        }
        catch (UnauthorizedAccessException e)
        {
            return new PanTiltHatScan(hat.BusId, busPath, hat.Address, true, false, null, null, $"{e.Message} (sudo usermod -aG i2c $USER, then log in again)");
        }
        catch (PanTiltUnavailableException e)
        {
            return new PanTiltHatScan(hat.BusId, busPath, hat.Address, true, false, null, null, e.InnerException?.Message ?? e.Message);
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            return new PanTiltHatScan(hat.BusId, busPath, hat.Address, true, false, null, null, e.Message);
        }
    }
}
