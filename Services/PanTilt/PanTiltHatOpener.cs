using System.Device.I2c;
using Microsoft.Extensions.Logging;

namespace PiStream.Services.PanTilt;

/// <summary>Opens the real HAT: checks the I2C bus device, opens it, and reads the servos once to see that something answers.</summary>
internal static class PanTiltHatOpener
{
    /// <summary>Throws <see cref="PanTiltUnavailableException"/> with the fix when the bus is missing, closed to us, or empty at the address.</summary>
    public static PanTiltHat Open(PanTiltHatOptions options, TimeProvider timeProvider, ILogger logger, string deviceDirectory = "/dev")
    {
        var path = Path.Combine(deviceDirectory, $"i2c-{options.BusId}");
        if (!File.Exists(path))
        {
            throw new PanTiltUnavailableException(MissingBus(path, deviceDirectory), deviceMissing: true);
        }

        I2cDevice device;
        try
        {
            device = I2cDevice.Create(new I2cConnectionSettings(options.BusId, options.Address));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PanTiltUnavailableException(
                $"Cannot open {path}: {e.Message}. If access is denied, add yourself to the i2c group (sudo usermod -aG i2c $USER) and log in again.", e, deviceMissing: true);
        }

        var hat = new PanTiltHat(device, options, timeProvider, logger);
        try
        {
            hat.Read();
            hat.AdoptLightConfig();
        }
        catch (PanTiltUnavailableException e)
        {
            hat.Dispose();
            throw new PanTiltUnavailableException(
                $"Nothing answered at address 0x{options.Address:X2} on {path}: is the Pan-Tilt HAT seated on the GPIO header? " +
                $"'i2cdetect -y {options.BusId}' should list {options.Address:x2}; use --i2c-address if yours was changed.", e, deviceMissing: true);
        }

        return hat;
    }

    private static string MissingBus(string path, string deviceDirectory)
    {
        var others = Directory.Exists(deviceDirectory)
            ? Directory.GetFiles(deviceDirectory, "i2c-*").Order(StringComparer.Ordinal).ToArray()
            : [];
        return others.Length == 0
            ? $"No I2C bus: {path} does not exist. I2C is disabled: sudo raspi-config nonint do_i2c 0 (then reboot)."
            : $"{path} does not exist (this machine has {string.Join(", ", others)}): choose the bus with --i2c-bus, " +
              "or enable the Raspberry Pi's I2C: sudo raspi-config nonint do_i2c 0 (then reboot).";
    }
}
