using System.Globalization;
using System.Text;

namespace PiStream.Services.Recording;

/// <summary>
/// Shows a recording's progress: time recorded (with a bar and a percentage when the duration is known),
/// frames, encoding rate, file size and bitrate. On a terminal one line is redrawn in place; when output
/// is redirected a plain line is written every <see cref="PlainInterval"/> of recording.
/// </summary>
internal sealed class ProgressReporter(TextWriter output, bool isTerminal, TimeSpan? duration)
{
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private const int BarWidth = 20;
    private TimeSpan _nextPlain = PlainInterval;
    private int _lastLength;

    public void Report(RecordingProgress progress)
    {
        var line = Format(progress, duration);
        if (isTerminal)
        {
            output.Write('\r' + line.PadRight(_lastLength));
            _lastLength = line.Length;
            output.Flush();
        }
        else if (progress.Recorded >= _nextPlain)
        {
            output.WriteLine(line);
            while (_nextPlain <= progress.Recorded)
            {
                _nextPlain += PlainInterval;
            }
        }
    }

    /// <summary>Ends the redrawn line so later output starts on a fresh one.</summary>
    public void Complete()
    {
        if (isTerminal && _lastLength > 0)
        {
            output.WriteLine();
            _lastLength = 0;
        }
    }

    /// <summary>One progress line, e.g. <c>00:00:03 / 00:00:05 [############--------]  60%  72 frames  24.0 fps  48.1 kB  128 kbit/s</c> (the bitrate of the file so far).</summary>
    public static string Format(RecordingProgress progress, TimeSpan? duration)
    {
        var line = new StringBuilder(Clock(progress.Recorded));
        if (duration is { } total && total > TimeSpan.Zero)
        {
            var fraction = Math.Clamp(progress.Recorded / total, 0, 1);
            var filled = (int)Math.Round(fraction * BarWidth);
            line.Append(" / ").Append(Clock(total))
                .Append(" [").Append('#', filled).Append('-', BarWidth - filled).Append("] ")
                .Append(string.Create(CultureInfo.InvariantCulture, $"{fraction * 100,3:0}%"));
        }

        line.Append(string.Create(CultureInfo.InvariantCulture, $"  {progress.Frames} frames  {progress.FramesPerSecond:0.0} fps  "))
            .Append(SizeParser.Format(progress.Bytes))
            .Append(progress.Recorded >= TimeSpan.FromSeconds(1)
                ? string.Create(CultureInfo.InvariantCulture, $"  {progress.Bytes * 8 / progress.Recorded.TotalSeconds / 1000:0} kbit/s")
                : "  - kbit/s");
        return line.ToString();
    }

    private static string Clock(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}");
}
