namespace PiStream.Services.CameraControls;

/// <summary>
/// Which of pistream's camera-control options do something on a Raspberry Pi camera with a given sensor. rpicam-apps
/// cannot list libcamera's controls, so this is pistream's own table (docs/camera-controls.md), not the camera's
/// answer: focus only on sensors with a focus motor that libcamera drives (Camera Module 3's imx708 and Arducam's
/// ov64a40), the sensor's own HDR only on imx708, colour controls not on monochrome sensors. On a Raspberry Pi 5,
/// <c>--hdr single-exp</c> (the Pi's own HDR) works with any sensor.
/// </summary>
internal sealed record PiCameraControls(IReadOnlyList<string> Options, bool FocusMotor, bool SensorHdr, bool Monochrome)
{
    private static readonly string[] Common = ["--shutter", "--gain", "--ev", "--brightness", "--contrast", "--sharpness", "--denoise", "--metering", "--roi", "--tuning-file"];

    private static readonly string[] Colour = ["--awb", "--saturation"];

    private static readonly string[] Focus = ["--autofocus-mode", "--lens-position"];

    public static PiCameraControls ForSensor(string sensor)
    {
        var name = sensor.ToLowerInvariant();
        var focusMotor = name.StartsWith("imx708", StringComparison.Ordinal) || name.StartsWith("ov64a40", StringComparison.Ordinal);
        var sensorHdr = name.StartsWith("imx708", StringComparison.Ordinal);
        var monochrome = name.EndsWith("_mono", StringComparison.Ordinal) || name is "ov9281" or "ov7251";
        string[] options = [.. Common, .. monochrome ? [] : Colour, .. focusMotor ? Focus : [], .. sensorHdr ? ["--hdr"] : Array.Empty<string>()];
        return new PiCameraControls(options, focusMotor, sensorHdr, monochrome);
    }

    /// <summary>The <c>--hdr</c> values that do something with this sensor on this Pi (<paramref name="isPi5"/>: the Pi's own HDR).</summary>
    public IReadOnlyList<string> HdrModes(bool isPi5) =>
        (SensorHdr, isPi5) switch
        {
            (true, true) => ["auto", "sensor", "single-exp"],
            (true, false) => ["auto", "sensor"],
            (false, true) => ["auto", "single-exp"],
            _ => [],
        };
}
