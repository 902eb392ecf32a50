namespace PiStream.Services.Aiming;

/// <summary>How many degrees the picture spans across (<see cref="Horizontal"/>) and up-down (<see cref="Vertical"/>), and where that figure came from.</summary>
internal sealed record FieldOfView(double Horizontal, double Vertical, string Source)
{
    /// <summary>What the test pattern pretends to be seen through: the Camera Module v2's 62.2 x 48.8 degrees.</summary>
    public static FieldOfView Assumed { get; } = new(62.2, 48.8, "assumed for the test pattern (Camera Module v2's); --hfov and --vfov set it");

    /// <summary>The field of view of a Raspberry Pi camera sensor (docs/pantilt.md, "Pointing like a PTZ camera"), or null when it depends on the lens or is unknown.</summary>
    public static FieldOfView? ForSensor(string? sensor)
    {
        var name = (sensor ?? "").ToLowerInvariant();
        return name switch
        {
            "ov5647" or "ov5647_noir" => new(53.5, 41.4, "Camera Module v1 (ov5647)"),
            "imx219" or "imx219_noir" => new(62.2, 48.8, "Camera Module v2 (imx219)"),
            "imx708" or "imx708_noir" => new(66, 41, "Camera Module 3 (imx708)"),
            "imx708_wide" or "imx708_wide_noir" => new(102, 67, "Camera Module 3 Wide (imx708_wide)"),
            _ => null,
        };
    }
}
