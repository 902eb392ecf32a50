namespace PiStream.Services.PanTilt;

/// <summary>Pan and tilt in degrees (-90..90) in pistream's convention; null where unknown or not given.</summary>
internal readonly record struct Orientation(double? Pan, double? Tilt)
{
    /// <summary>This orientation with the axes <paramref name="move"/> gives replaced.</summary>
    public Orientation With(Orientation move) => new(move.Pan ?? Pan, move.Tilt ?? Tilt);

    public override string ToString() => $"pan {Format(Pan)}, tilt {Format(Tilt)}";

    private static string Format(double? angle) =>
        angle is { } value ? value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "unknown";
}
