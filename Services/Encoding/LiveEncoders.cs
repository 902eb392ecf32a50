namespace PiStream.Services.Encoding;

/// <summary>The names of the live encoders, as <c>--encoder</c> takes them and <c>/api/status</c> reports them.</summary>
internal static class LiveEncoders
{
    /// <summary>ffmpeg's MPEG-1 encoder (JSMpeg, pistreaming's clients).</summary>
    public const string Mpeg1 = "mpeg1video";

    /// <summary>ffmpeg's software H.264 encoder.</summary>
    public const string LibX264 = "libx264";

    /// <summary>The Pi's hardware H.264 encoder through ffmpeg (Pi 4 and older; the Pi 5 has none).</summary>
    public const string V4l2M2m = "h264_v4l2m2m";

    /// <summary>The Pi's hardware H.264 encoder inside the camera pipeline: <c>rpicam-vid --codec h264 --inline</c> (Pi camera only).</summary>
    public const string Rpicam = "rpicam-vid";

    public static IReadOnlyList<string> All { get; } = [LibX264, V4l2M2m, Rpicam, Mpeg1];
}
