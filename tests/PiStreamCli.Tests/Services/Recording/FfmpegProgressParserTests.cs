using PiStream.Services.Recording;
using Xunit;

namespace PiStream.Tests.Services.Recording;

public sealed class FfmpegProgressParserTests
{
    // Captured from ffmpeg 5.1 -progress pipe:1 while recording the test pattern.
    private static readonly string[] Block =
    [
        "frame=61", "fps=24.11", "stream_0_0_q=18.0", "bitrate= 123.7kbits/s", "total_size=38652",
        "out_time_us=2500081", "out_time_ms=2500081", "out_time=00:00:02.500081", "dup_frames=0",
        "drop_frames=0", "speed=0.988x", "progress=continue",
    ];

    [Fact]
    public void Reports_a_block_when_its_progress_line_arrives()
    {
        var parser = new FfmpegProgressParser();
        var reports = Block.Select(parser.Push).ToList();

        Assert.All(reports.Take(Block.Length - 1), report => Assert.Null(report));
        var progress = reports[^1]!;
        Assert.Equal(61, progress.Frames);
        Assert.Equal(24.11, progress.FramesPerSecond, 3);
        Assert.Equal(38652, progress.Bytes);
        Assert.Equal(TimeSpan.FromMicroseconds(2500081), progress.Recorded);
        Assert.False(progress.Finished);
    }

    [Fact]
    public void Keeps_earlier_values_where_ffmpeg_says_NA_and_marks_the_end()
    {
        var parser = new FfmpegProgressParser();
        foreach (var line in Block)
        {
            parser.Push(line);
        }

        string[] last = ["frame=120", "fps=N/A", "total_size=N/A", "out_time_us=N/A", "progress=end"];
        var progress = last.Select(parser.Push).ToList()[^1]!;

        Assert.Equal(120, progress.Frames);
        Assert.Equal(24.11, progress.FramesPerSecond, 3);
        Assert.Equal(38652, progress.Bytes);
        Assert.Equal(TimeSpan.FromMicroseconds(2500081), progress.Recorded);
        Assert.True(progress.Finished);
    }

    [Fact]
    public void Ignores_lines_that_are_not_key_value_pairs()
    {
        var parser = new FfmpegProgressParser();
        Assert.Null(parser.Push(""));
        Assert.Null(parser.Push("[mp4 @ 0x55] something"));
        Assert.Null(parser.Push("=5"));
    }
}
