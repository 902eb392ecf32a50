namespace PiStream.Services.Recording;

/// <summary>
/// Continuous recording while serving: segments of <see cref="SegmentLength"/> in <see cref="Folder"/>,
/// named by their start time in UTC (<see cref="SegmentName"/>), and the <see cref="Retention"/> that deletes the oldest.
/// </summary>
internal sealed record SegmentSettings(string Folder, TimeSpan SegmentLength, RetentionPolicy Retention, RecordingContainer Container)
{
    public static readonly TimeSpan DefaultSegmentLength = TimeSpan.FromMinutes(10);

    /// <summary>Segments are named to the second, so shorter ones could collide.</summary>
    public static readonly TimeSpan MinimumSegmentLength = TimeSpan.FromSeconds(2);
}
