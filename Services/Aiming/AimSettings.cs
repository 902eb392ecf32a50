namespace PiStream.Services.Aiming;

/// <summary><c>--hfov</c> and <c>--vfov</c>: the field of view click-to-point uses; null takes the detected sensor's.</summary>
internal sealed record AimSettings(double? Horizontal = null, double? Vertical = null)
{
    public const string Fix = "start serve with --hfov DEG --vfov DEG (the lens's horizontal and vertical field of view in degrees; docs/pantilt.md)";

    /// <summary>
    /// Click-to-point's field of view for a camera with <paramref name="sensor"/> (null: not a Raspberry Pi camera, or
    /// not detected): both options when given; a known sensor's (one option overrides its axis); for the test pattern
    /// (<paramref name="testPattern"/>) the assumed Camera Module v2's; otherwise none, with the reason and the fix.
    /// </summary>
    public Aim Resolve(string? sensor, bool testPattern = false)
    {
        if (Horizontal is { } h && Vertical is { } v)
        {
            return Aim.Of(new FieldOfView(h, v, "--hfov/--vfov"));
        }

        var known = FieldOfView.ForSensor(sensor) ?? (testPattern ? FieldOfView.Assumed : null);
        if (known is null)
        {
            return new Aim(null, $"{Unknown(sensor)}: {(Horizontal is null && Vertical is null ? "" : "give both options, ")}{Fix}");
        }

        return (Horizontal, Vertical) switch
        {
            (null, null) => Aim.Of(known),
            _ => Aim.Of(new FieldOfView(Horizontal ?? known.Horizontal, Vertical ?? known.Vertical, $"--hfov/--vfov, the rest from {known.Source}")),
        };
    }

    private static string Unknown(string? sensor) => (sensor ?? "").ToLowerInvariant() switch
    {
        "" => "click-to-point needs the camera's field of view, which pistream cannot tell for this source",
        var name when name.StartsWith("imx477", StringComparison.Ordinal) || name.StartsWith("imx378", StringComparison.Ordinal) =>
            $"the HQ Camera ({sensor}) takes interchangeable lenses, so its field of view depends on the lens",
        var name when name.StartsWith("imx296", StringComparison.Ordinal) =>
            $"the Global Shutter Camera ({sensor}) takes interchangeable lenses, so its field of view depends on the lens",
        _ => $"pistream does not know the field of view of sensor {sensor}",
    };
}
