using System.Text.Json.Serialization;

namespace PiStream.Services.PanTilt;

/// <summary>The page's orientation message: <c>{"type":"orientation","pan":10,"tilt":-5}</c>.</summary>
internal sealed record OrientationEvent(double? Pan, double? Tilt)
{
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "orientation";
}
