using System.Globalization;

namespace PiStream.Services.CameraControls;

/// <summary>
/// The camera's image controls (<c>serve</c> and <c>record</c>): passed to <c>rpicam-vid</c> for a Raspberry Pi
/// camera, or set with <c>v4l2-ctl</c> for a V4L2 webcam. Null (or empty) means "the camera's default"; values are
/// checked by the command line before anything starts (<see cref="CameraControlRules"/>).
/// </summary>
internal sealed record ImageControls
{
    public static ImageControls None { get; } = new();

    /// <summary>Exposure time in microseconds (<c>--shutter</c>).</summary>
    public int? Shutter { get; init; }

    /// <summary>Analogue gain (<c>--gain</c>).</summary>
    public double? Gain { get; init; }

    public double? Ev { get; init; }

    public string? Awb { get; init; }

    public double? Brightness { get; init; }

    public double? Contrast { get; init; }

    public double? Saturation { get; init; }

    public double? Sharpness { get; init; }

    public string? Denoise { get; init; }

    public string? Metering { get; init; }

    public string? AutofocusMode { get; init; }

    /// <summary>Focus in dioptres (0 is infinity) for <c>--autofocus-mode manual</c>.</summary>
    public double? LensPosition { get; init; }

    public string? Hdr { get; init; }

    public string? TuningFile { get; init; }

    /// <summary>Digital zoom: x, y, width, height as fractions of the sensor (<c>--roi</c>).</summary>
    public IReadOnlyList<double>? Roi { get; init; }

    /// <summary>V4L2 controls for a webcam (<c>--v4l2-control</c>), in the order given.</summary>
    public IReadOnlyList<V4l2Control> V4l2 { get; init; } = [];

    /// <summary>True when any control for a Raspberry Pi camera (rpicam-vid) is set.</summary>
    public bool HasLibcameraControls => LibcameraArguments().Count > 0;

    /// <summary>
    /// The warning for controls the chosen camera cannot take (<c>--source auto</c> found the other kind), or null:
    /// Pi camera controls without a Pi camera, V4L2 controls without a webcam.
    /// </summary>
    public string? IgnoredWarning(bool isLibcamera, bool isV4l2)
    {
        if (HasLibcameraControls && !isLibcamera)
        {
            return $"Ignoring the Pi camera controls ({string.Join(' ', LibcameraArguments().Where(a => a.StartsWith("--", StringComparison.Ordinal)))}): the source is not a Raspberry Pi camera.";
        }

        return V4l2.Count > 0 && !isV4l2 ? "Ignoring --v4l2-control: the source is not a V4L2 webcam." : null;
    }

    /// <summary>The rpicam-vid options for the controls set, one token per entry, in a fixed order.</summary>
    public IReadOnlyList<string> LibcameraArguments()
    {
        var arguments = new List<string>();
        Add(arguments, "--shutter", Shutter?.ToString(CultureInfo.InvariantCulture));
        Add(arguments, "--gain", Number(Gain));
        Add(arguments, "--ev", Number(Ev));
        Add(arguments, "--awb", Awb);
        Add(arguments, "--brightness", Number(Brightness));
        Add(arguments, "--contrast", Number(Contrast));
        Add(arguments, "--saturation", Number(Saturation));
        Add(arguments, "--sharpness", Number(Sharpness));
        Add(arguments, "--denoise", Denoise);
        Add(arguments, "--metering", Metering);
        Add(arguments, "--autofocus-mode", AutofocusMode);
        Add(arguments, "--lens-position", Number(LensPosition));
        Add(arguments, "--hdr", Hdr);
        Add(arguments, "--tuning-file", TuningFile);
        Add(arguments, "--roi", Roi is null ? null : string.Join(',', Roi.Select(value => Number(value))));
        return arguments;
    }

    /// <summary><c>v4l2-ctl -d DEVICE --set-ctrl a=1,b=2</c>'s arguments, or none when no V4L2 control is set.</summary>
    public IReadOnlyList<string> V4l2CtlArguments(string device) =>
        V4l2.Count == 0 ? [] : ["-d", device, "--set-ctrl", string.Join(',', V4l2.Select(control => control.ToString()))];

    /// <summary>The controls set, by option name without dashes, for /api/status (e.g. <c>{"shutter":"10000"}</c>).</summary>
    public IReadOnlyDictionary<string, string> Active()
    {
        var active = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var arguments = LibcameraArguments();
        for (var i = 0; i + 1 < arguments.Count; i += 2)
        {
            active[arguments[i][2..]] = arguments[i + 1];
        }

        foreach (var control in V4l2)
        {
            active["v4l2:" + control.Name] = control.Value.ToString(CultureInfo.InvariantCulture);
        }

        return active;
    }

    private static void Add(List<string> arguments, string option, string? value)
    {
        if (value is not null)
        {
            arguments.AddRange([option, value]);
        }
    }

    private static string? Number(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture);
}
