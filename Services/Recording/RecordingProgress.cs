namespace PiStream.Services.Recording;

/// <summary>Where a recording is: frames and media time written, the encoding rate and bytes in the file.</summary>
internal sealed record RecordingProgress(long Frames, double FramesPerSecond, long Bytes, TimeSpan Recorded, bool Finished)
{
    public static RecordingProgress None { get; } = new(0, 0, 0, TimeSpan.Zero, false);
}
