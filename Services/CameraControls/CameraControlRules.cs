namespace PiStream.Services.CameraControls;

/// <summary>The values rpicam-vid accepts for each image control (rpicam-apps documentation; docs/camera-controls.md).</summary>
internal static class CameraControlRules
{
    public static readonly string[] Awb = ["auto", "incandescent", "tungsten", "fluorescent", "indoor", "daylight", "cloudy", "custom"];

    public static readonly string[] Denoise = ["auto", "off", "cdn_off", "cdn_fast", "cdn_hq"];

    public static readonly string[] Metering = ["centre", "spot", "average", "custom"];

    public static readonly string[] AutofocusMode = ["default", "manual", "auto", "continuous"];

    public static readonly string[] Hdr = ["off", "auto", "sensor", "single-exp"];

    /// <summary>Null when <paramref name="roi"/> (x, y, width, height as fractions) lies inside the sensor, else the reason.</summary>
    public static string? CheckRoi(IReadOnlyList<double> roi)
    {
        if (roi.Count != 4 || roi.Any(value => !double.IsFinite(value) || value < 0 || value > 1))
        {
            return "give four fractions of the sensor from 0 to 1: x,y,width,height, e.g. 0.25,0.25,0.5,0.5 (2x zoom on the centre)";
        }

        if (roi[2] <= 0 || roi[3] <= 0)
        {
            return "width and height must be above 0, e.g. 0.25,0.25,0.5,0.5";
        }

        return roi[0] + roi[2] > 1 + 1e-9 || roi[1] + roi[3] > 1 + 1e-9
            ? "the region reaches past the sensor's edge: x + width and y + height must be at most 1"
            : null;
    }
}
