namespace PiStream.Services.Detection;

/// <summary>One item of a V4L2 menu control: the value to set (<see cref="Index"/>) and what it means.</summary>
internal sealed record V4l2MenuItem(long Index, string Name);
