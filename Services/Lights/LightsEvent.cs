using System.Text.Json.Serialization;

namespace PiStream.Services.Lights;

/// <summary>The page's lights message: <c>{"type":"lights","pixels":[[r,g,b,w],...]}</c>.</summary>
internal sealed record LightsEvent(int[][] Pixels)
{
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "lights";
}
