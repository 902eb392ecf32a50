namespace PiStream.Services.Detection;

/// <summary>One sensor mode of a libcamera camera; <see cref="Fps"/> is null on builds that do not print it.</summary>
internal sealed record SensorMode(string Format, int Width, int Height, double? Fps);
