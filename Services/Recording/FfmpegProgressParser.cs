using System.Globalization;

namespace PiStream.Services.Recording;

/// <summary>
/// Reads ffmpeg's <c>-progress</c> output: blocks of <c>key=value</c> lines (<c>frame=</c>, <c>fps=</c>,
/// <c>total_size=</c>, <c>out_time_us=</c>) each ended by <c>progress=continue</c> or
/// <c>progress=end</c>. Values ffmpeg reports as N/A keep their previous value.
/// </summary>
internal sealed class FfmpegProgressParser
{
    private long _frames;
    private double _fps;
    private long _bytes;
    private long _microseconds;

    /// <summary>Takes one line; returns the progress when the line ends a block, else null.</summary>
    public RecordingProgress? Push(string line)
    {
        var equals = line.IndexOf('=');
        if (equals <= 0)
        {
            return null;
        }

        var key = line[..equals].Trim();
        var value = line[(equals + 1)..].Trim();
        switch (key)
        {
            case "frame":
                _frames = ParseLong(value, _frames);
                break;
            case "fps":
                _fps = ParseDouble(value, _fps);
                break;
            case "total_size":
                _bytes = ParseLong(value, _bytes);
                break;
            case "out_time_us":
                _microseconds = Math.Max(0, ParseLong(value, _microseconds));
                break;
            case "progress":
                return new RecordingProgress(_frames, _fps, _bytes, TimeSpan.FromMicroseconds(_microseconds), value == "end");
        }

        return null;
    }

    private static long ParseLong(string text, long fallback) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static double ParseDouble(string text, double fallback) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
