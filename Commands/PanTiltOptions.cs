using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using PiStream.Services.PanTilt;

namespace PiStream.Commands;

/// <summary>Options that <c>serve</c> and <c>orient</c> share: where the Pan-Tilt HAT is and how it is calibrated and mounted (<c>probe</c> takes <see cref="Bus"/> and <see cref="Address"/>).</summary>
internal static class PanTiltOptions
{
    public static readonly Option<int> Bus = CommonOptions.Ranged("--i2c-bus", PanTiltHatOptions.DefaultBusId, 0, 255, "I2C bus of the Pan-Tilt HAT (/dev/i2c-N).");

    public static readonly Option<int> Address = new("--i2c-address")
    {
        Description = "I2C address of the Pan-Tilt HAT, e.g. 0x15.",
        DefaultValueFactory = _ => PanTiltHatOptions.DefaultAddress,
        CustomParser = ParseAddress,
    };

    public static readonly Option<bool> InvertPan = new("--pan-invert") { Description = "Negate pan angles: use it if positive pan turns your view left instead of right." };

    public static readonly Option<bool> InvertTilt = new("--tilt-invert") { Description = "Negate tilt angles: use it if positive tilt lowers your view instead of raising it." };

    public static readonly Option<int> MinPulse = CommonOptions.Ranged("--min-pulse", PanTiltHatOptions.DefaultMinPulse, 100, 3000, "Servo pulse width in microseconds at -90 degrees (calibration).");

    public static readonly Option<int> MaxPulse = CommonOptions.Ranged("--max-pulse", PanTiltHatOptions.DefaultMaxPulse, 100, 3000, "Servo pulse width in microseconds at +90 degrees (calibration).");

    public static void AddTo(Command command)
    {
        command.Options.Add(Bus);
        command.Options.Add(Address);
        command.Options.Add(InvertPan);
        command.Options.Add(InvertTilt);
        command.Options.Add(MinPulse);
        command.Options.Add(MaxPulse);
        command.Validators.Add(result =>
        {
            var min = ValueParsers.GivenOr(result, MinPulse, PanTiltHatOptions.DefaultMinPulse);
            var max = ValueParsers.GivenOr(result, MaxPulse, PanTiltHatOptions.DefaultMaxPulse);
            if (min >= max)
            {
                result.AddError($"--min-pulse {min} must be below --max-pulse {max}: the defaults are 575 and 2325.");
            }
        });
    }

    public static PanTiltHatOptions Hat(ParseResult result) => new()
    {
        BusId = result.GetValue(Bus),
        Address = result.GetValue(Address),
        InvertPan = result.GetValue(InvertPan),
        InvertTilt = result.GetValue(InvertTilt),
        MinPulseMicroseconds = result.GetValue(MinPulse),
        MaxPulseMicroseconds = result.GetValue(MaxPulse),
    };

    /// <summary>An angle option (-90..90, finite), absent by default.</summary>
    public static Option<double?> Angle(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = ValueParsers.Angle,
    };

    private static int ParseAddress(ArgumentResult result)
    {
        var text = ValueParsers.Token(result);
        var isHex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (int.TryParse(isHex ? text[2..] : text, isHex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var address)
            && address is >= 0x03 and <= 0x77)
        {
            return address;
        }

        result.AddError($"--i2c-address '{text}' is not a 7-bit I2C address: use e.g. 0x15 (the HAT's default).");
        return PanTiltHatOptions.DefaultAddress;
    }
}
