using PiStream.Services.Recording;
using Xunit;

namespace PiStream.Tests.Services.Recording;

public sealed class ProgressReporterTests
{
    private static RecordingProgress At(double seconds, long frames = 72, long bytes = 48_100) =>
        new(frames, 24, bytes, TimeSpan.FromSeconds(seconds), false);

    [Fact]
    public void Shows_a_bar_and_percentage_when_the_duration_is_known()
    {
        var line = ProgressReporter.Format(At(3), TimeSpan.FromSeconds(5));

        Assert.Equal("00:00:03 / 00:00:05 [############--------]  60%  72 frames  24.0 fps  48.1 kB  128 kbit/s", line);
    }

    [Fact]
    public void Shows_only_the_time_without_a_duration_and_no_bitrate_in_the_first_second()
    {
        Assert.Equal("00:01:05  72 frames  24.0 fps  48.1 kB  6 kbit/s", ProgressReporter.Format(At(65), null));
        Assert.Equal("00:00:00  1 frames  24.0 fps  759 B  - kbit/s", ProgressReporter.Format(At(0.2, 1, 759), null));
    }

    [Fact]
    public void Redraws_one_line_in_place_on_a_terminal()
    {
        var output = new StringWriter();
        var reporter = new ProgressReporter(output, isTerminal: true, TimeSpan.FromSeconds(5));

        reporter.Report(At(1));
        reporter.Report(At(2));
        reporter.Complete();

        var text = output.ToString();
        Assert.Equal(2, text.Count(c => c == '\r'));
        Assert.Equal(1, text.Count(c => c == '\n'));
        Assert.EndsWith(Environment.NewLine, text);
    }

    [Fact]
    public void Writes_plain_lines_every_five_seconds_when_redirected()
    {
        var output = new StringWriter();
        var reporter = new ProgressReporter(output, isTerminal: false, null);

        foreach (var second in new[] { 0.5, 1, 4.9, 5.0, 5.5, 9, 10.2, 23 })
        {
            reporter.Report(At(second));
        }

        reporter.Complete();
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["00:00:05", "00:00:10", "00:00:23"], lines.Select(line => line[..8]));
        Assert.DoesNotContain('\r', output.ToString());
    }
}
