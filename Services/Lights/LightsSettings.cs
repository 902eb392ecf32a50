namespace PiStream.Services.Lights;

/// <summary>The strip on the HAT's light connector: its pixel order (<c>--light-type</c>) and how many pixels it has (<c>--light-count</c>).</summary>
internal sealed record LightsSettings(LightType Type = LightType.Grbw, int Count = LightsSettings.DefaultCount)
{
    /// <summary>pistreaming's strip: 8 pixels.</summary>
    public const int DefaultCount = 8;

    public static LightsSettings Default { get; } = new();

    /// <summary>"grbw", as the option spells it.</summary>
    public string TypeName => Type.ToString().ToLowerInvariant();
}
