namespace PiStream.Services.Detection;

/// <summary>
/// One frame size a V4L2 pixel format offers, with its frame rates. For a stepwise (or continuous) range,
/// <see cref="Width"/>x<see cref="Height"/> is the largest size and <see cref="MinWidth"/>x<see cref="MinHeight"/> the smallest.
/// </summary>
internal sealed record V4l2FrameSize(int Width, int Height, IReadOnlyList<double> Fps, int? MinWidth = null, int? MinHeight = null)
{
    public bool IsRange => MinWidth is not null;
}
