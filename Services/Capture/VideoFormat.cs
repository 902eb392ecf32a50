namespace PiStream.Services.Capture;

/// <summary>The size and rate of the raw yuv420p frames that flow from a capture source to the encoder.</summary>
internal readonly record struct VideoFormat(int Width, int Height, int Framerate)
{
    /// <summary>Bytes in one tightly packed yuv420p frame: a full-size Y plane and two quarter-size chroma planes.</summary>
    public int FrameSize => Width * Height * 3 / 2;

    /// <summary>Time between two frames.</summary>
    public TimeSpan FrameInterval => TimeSpan.FromSeconds(1.0 / Framerate);

    public override string ToString() => $"{Width}x{Height}@{Framerate}";
}
