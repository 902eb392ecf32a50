namespace PiStream.Services.Recording;

/// <summary>
/// A file type recordings can be written as, chosen by the output file's extension. Each is readable up
/// to the last second or so after a crash: MP4 is written fragmented, Matroska and MPEG-TS are streamable.
/// </summary>
internal sealed record RecordingContainer(string Extension, string Muxer, string Name)
{
    public static RecordingContainer Mp4 { get; } = new(".mp4", "mp4", "MP4");

    public static RecordingContainer Mkv { get; } = new(".mkv", "matroska", "Matroska");

    public static RecordingContainer Ts { get; } = new(".ts", "mpegts", "MPEG-TS");

    public static IReadOnlyList<RecordingContainer> All { get; } = [Mp4, Mkv, Ts];

    /// <summary>Fragment length of MP4 output: at most this much is lost when the process dies.</summary>
    public const int FragmentMicroseconds = 500_000;

    /// <summary>MP4 flags for a file that plays after a crash: an empty moov first, then self-contained fragments.</summary>
    public const string FragmentedMovFlags = "+frag_keyframe+empty_moov+default_base_moof";

    public static string Supported => string.Join(", ", All.Select(container => container.Extension));

    /// <summary>The container for <paramref name="path"/>'s extension (case-insensitive); null for any other.</summary>
    public static RecordingContainer? FromPath(string path)
    {
        var extension = Path.GetExtension(path);
        return All.FirstOrDefault(container => string.Equals(container.Extension, extension, StringComparison.OrdinalIgnoreCase));
    }
}
