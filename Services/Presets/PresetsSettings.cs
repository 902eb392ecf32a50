namespace PiStream.Services.Presets;

/// <summary>Where <c>serve</c> keeps its presets: <c>--state-dir</c> (see <see cref="Presets.StateDirectory.Default"/>).</summary>
internal sealed record PresetsSettings(string StateDirectory)
{
    public static PresetsSettings Default => new(Presets.StateDirectory.Default());
}
