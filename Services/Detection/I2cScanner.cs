using System.Buffers.Binary;
using System.Device.I2c;

namespace PiStream.Services.Detection;

/// <summary>
/// Lists the I2C buses (/dev/i2c-N) and asks whether a Pimoroni Pan-Tilt HAT answers at 0x15 (REFERENCE §2).
/// <paramref name="deviceRoot"/> and <paramref name="open"/> are seams so tests need no hardware.
/// </summary>
internal sealed class I2cScanner(string deviceRoot = "/dev", Func<I2cConnectionSettings, I2cDevice>? open = null)
{
    public const int HatBus = 1;
    public const int HatAddress = 0x15;
    public const int MinPulse = 575;
    public const int MaxPulse = 2325;

    private const byte ConfigRegister = 0x00;
    private const byte PanRegister = 0x01;
    private const byte TiltRegister = 0x03;

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

    /// <summary>Reads the config byte at 0x00 (does anything answer?) and the servo words at 0x01 and 0x03.</summary>
    public PanTiltHatScan ScanForHat(int bus = HatBus)
    {
        var busPath = Path.Combine(deviceRoot, $"i2c-{bus}");
        if (!File.Exists(busPath))
        {
            return new PanTiltHatScan(bus, busPath, HatAddress, false, false, null, null, $"{busPath} does not exist");
        }

        try
        {
            using var device = _open(new I2cConnectionSettings(bus, HatAddress));
            Span<byte> config = stackalloc byte[1];
            device.WriteRead([ConfigRegister], config);
            return new PanTiltHatScan(bus, busPath, HatAddress, true, true, ReadAngle(device, PanRegister), ReadAngle(device, TiltRegister), null);
        }
        catch (UnauthorizedAccessException e)
        {
            return new PanTiltHatScan(bus, busPath, HatAddress, true, false, null, null, $"{e.Message} (sudo usermod -aG i2c $USER, then log in again)");
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            return new PanTiltHatScan(bus, busPath, HatAddress, true, false, null, null, e.Message);
        }
    }

    /// <summary>The angle (-90..90, rounded) for a servo pulse width; null outside 575..2325 µs.</summary>
    public static int? AngleFromPulse(int microseconds) => microseconds is < MinPulse or > MaxPulse
        ? null
        : (int)Math.Round((microseconds - MinPulse) * 180.0 / (MaxPulse - MinPulse) - 90, MidpointRounding.AwayFromZero);

    private static int? ReadAngle(I2cDevice device, byte register)
    {
        Span<byte> word = stackalloc byte[2];
        device.WriteRead([register], word);
        return AngleFromPulse(BinaryPrimitives.ReadUInt16LittleEndian(word));
    }
}
