using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using PiStream.Services.CameraControls;
using PiStream.Services.Capture;

namespace PiStream.Commands;

/// <summary>
/// The camera's image controls, shared by <c>serve</c> and <c>record</c>: rpicam-vid's options for a Raspberry Pi
/// camera and <c>--v4l2-control</c> for a webcam. Every value is checked here (exit 2 before anything starts).
/// </summary>
internal static class CameraControlOptions
{
    public static readonly Option<int?> Shutter = new("--shutter")
    {
        Description = "Pi camera: exposure time in microseconds, e.g. 10000 (default: automatic).",
        CustomParser = result => ValueParsers.Integer(result, 1, 1_000_000_000, 0),
    };

    public static readonly Option<double?> Gain = Decimal("--gain", 1, 64, "Pi camera: analogue gain, 1 to 64 (default: automatic).");

    public static readonly Option<double?> Ev = Decimal("--ev", -10, 10, "Pi camera: exposure compensation in stops, -10 to 10.");

    public static readonly Option<string?> Awb = Choice("--awb", CameraControlRules.Awb, "Pi camera: white balance mode.");

    public static readonly Option<double?> Brightness = Decimal("--brightness", -1, 1, "Pi camera: brightness, -1 to 1 (0 is normal).");

    public static readonly Option<double?> Contrast = Decimal("--contrast", 0, 15.99, "Pi camera: contrast, 0 to 15.99 (1 is normal).");

    public static readonly Option<double?> Saturation = Decimal("--saturation", 0, 15.99, "Pi camera: colour saturation, 0 to 15.99 (1 is normal, 0 greyscale).");

    public static readonly Option<double?> Sharpness = Decimal("--sharpness", 0, 15.99, "Pi camera: sharpness, 0 to 15.99 (1 is normal).");

    public static readonly Option<string?> Denoise = Choice("--denoise", CameraControlRules.Denoise, "Pi camera: denoise mode.");

    public static readonly Option<string?> Metering = Choice("--metering", CameraControlRules.Metering, "Pi camera: exposure metering mode.");

    public static readonly Option<string?> AutofocusMode = Choice("--autofocus-mode", CameraControlRules.AutofocusMode, "Pi camera with autofocus (Camera Module 3): focus mode.");

    public static readonly Option<double?> LensPosition = Decimal("--lens-position", 0, 32, "Pi camera with autofocus: focus in dioptres, 0 (infinity) to 32; 2 is 50 cm.");

    public static readonly Option<string?> Hdr = Choice("--hdr", CameraControlRules.Hdr, "Pi camera: high dynamic range mode (Camera Module 3: sensor).");

    public static readonly Option<string?> TuningFile = new("--tuning-file")
    {
        Description = "Pi camera: libcamera tuning file, e.g. /usr/share/libcamera/ipa/rpi/vc4/imx219_noir.json for a NoIR camera.",
        CustomParser = ParseTuningFile,
    };

    public static readonly Option<double[]?> Roi = new("--roi")
    {
        Description = "Pi camera: digital zoom, the region of the sensor to use as x,y,width,height fractions, e.g. 0.25,0.25,0.5,0.5.",
        CustomParser = ParseRoi,
    };

    public static readonly Option<V4l2Control[]> V4l2 = new("--v4l2-control")
    {
        Description = "USB webcam: set a V4L2 control before capture, NAME=VALUE (repeatable), e.g. --v4l2-control brightness=140.",
        CustomParser = ParseV4l2,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option[] LibcameraOnly = [Shutter, Gain, Ev, Awb, Brightness, Contrast, Saturation, Sharpness, Denoise, Metering, AutofocusMode, LensPosition, Hdr, TuningFile, Roi];

    public static void AddTo(Command command)
    {
        foreach (var option in LibcameraOnly)
        {
            command.Options.Add(option);
        }

        command.Options.Add(V4l2);
        command.Validators.Add(result =>
        {
            var kind = ValueParsers.GivenOr(result, CommonOptions.Source, SourceSpec.Auto).Kind;
            if (LibcameraOnly.FirstOrDefault(option => result.GetResult(option) is { Implicit: false }) is { } given && kind is not (SourceKind.Auto or SourceKind.Libcamera))
            {
                result.AddError($"{given.Name} is a Raspberry Pi camera control (--source libcamera); for a USB webcam use --v4l2-control NAME=VALUE.");
            }

            if (result.GetResult(V4l2) is { Implicit: false } && kind is not (SourceKind.Auto or SourceKind.V4l2))
            {
                result.AddError("--v4l2-control sets a USB webcam's controls (--source v4l2); for a Raspberry Pi camera use --shutter, --gain, --awb and the like.");
            }
        });
    }

    public static ImageControls Controls(ParseResult result) => new()
    {
        Shutter = result.GetValue(Shutter),
        Gain = result.GetValue(Gain),
        Ev = result.GetValue(Ev),
        Awb = result.GetValue(Awb),
        Brightness = result.GetValue(Brightness),
        Contrast = result.GetValue(Contrast),
        Saturation = result.GetValue(Saturation),
        Sharpness = result.GetValue(Sharpness),
        Denoise = result.GetValue(Denoise),
        Metering = result.GetValue(Metering),
        AutofocusMode = result.GetValue(AutofocusMode),
        LensPosition = result.GetValue(LensPosition),
        Hdr = result.GetValue(Hdr),
        TuningFile = result.GetValue(TuningFile),
        Roi = result.GetValue(Roi) is { Length: 4 } roi ? roi : null,
        V4l2 = result.GetValue(V4l2) ?? [],
    };

    private static Option<double?> Decimal(string name, double min, double max, string description) => new(name)
    {
        Description = description,
        CustomParser = result => ParseDecimal(result, min, max),
    };

    private static Option<string?> Choice(string name, string[] choices, string description) => new(name)
    {
        Description = $"{description} One of: {string.Join(", ", choices)}.",
        CustomParser = result =>
        {
            var text = ValueParsers.Token(result);
            if (choices.Contains(text, StringComparer.Ordinal))
            {
                return text;
            }

            result.AddError($"{name} '{text}' is not one of: {string.Join(", ", choices)}.");
            return null;
        },
    };

    private static double? ParseDecimal(ArgumentResult result, double min, double max)
    {
        var name = ValueParsers.OptionName(result);
        var text = ValueParsers.Token(result);
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            result.AddError($"{name} '{text}' is not a number: use a value from {Show(min)} to {Show(max)}, e.g. {name} {Show(Math.Clamp(1, min, max))}.");
            return null;
        }

        if (value < min || value > max)
        {
            result.AddError($"{name} {Show(value)} is out of range: use a value from {Show(min)} to {Show(max)}.");
            return null;
        }

        return value;
    }

    private static string? ParseTuningFile(ArgumentResult result)
    {
        var text = ValueParsers.Token(result);
        if (text.Trim().Length > 0 && File.Exists(text))
        {
            return Path.GetFullPath(text);
        }

        result.AddError($"--tuning-file '{text}' does not exist: give the path of a libcamera tuning file, e.g. /usr/share/libcamera/ipa/rpi/vc4/imx219_noir.json.");
        return null;
    }

    private static double[]? ParseRoi(ArgumentResult result)
    {
        var text = ValueParsers.Token(result);
        var parts = text.Split(',');
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out values[i]))
            {
                values = [];
                break;
            }
        }

        if (CameraControlRules.CheckRoi(values) is { } problem)
        {
            result.AddError($"--roi '{text}': {problem}.");
            return null;
        }

        return values;
    }

    private static V4l2Control[] ParseV4l2(ArgumentResult result)
    {
        var controls = new List<V4l2Control>();
        foreach (var token in result.Tokens)
        {
            if (V4l2Control.TryParse(token.Value, out var error) is { } control)
            {
                controls.Add(control);
            }
            else
            {
                result.AddError($"--v4l2-control {error}");
            }
        }

        return controls.ToArray();
    }

    private static string Show(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
