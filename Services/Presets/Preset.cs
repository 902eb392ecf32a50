namespace PiStream.Services.Presets;

/// <summary>A named camera position: <c>{"name":"door","pan":10,"tilt":-5}</c>.</summary>
internal sealed record Preset(string Name, double Pan, double Tilt);
