namespace PiStream.Services.Aiming;

/// <summary><c>--hfov</c> and <c>--vfov</c>: the field of view click-to-point uses; null takes the detected sensor's (or the assumed one).</summary>
internal sealed record AimSettings(double? Horizontal = null, double? Vertical = null)
{
    /// <summary>The field of view for a camera with <paramref name="sensor"/> (null: unknown): the options where given, else the sensor's, else <see cref="FieldOfView.Assumed"/>.</summary>
    public FieldOfView Resolve(string? sensor)
    {
        var known = FieldOfView.ForSensor(sensor) ?? FieldOfView.Assumed;
        return (Horizontal, Vertical) switch
        {
            (null, null) => known,
            ({ } h, { } v) => new FieldOfView(h, v, "--hfov/--vfov"),
            _ => new FieldOfView(Horizontal ?? known.Horizontal, Vertical ?? known.Vertical, $"--hfov/--vfov, the rest from {known.Source}"),
        };
    }
}
