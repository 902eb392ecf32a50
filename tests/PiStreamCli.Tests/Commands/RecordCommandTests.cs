using PiStream.Tests.Support;
using Xunit;

namespace PiStream.Tests.Commands;

/// <summary><c>pistream record</c> as a user runs it: the real CLI process, the real ffmpeg, checked with ffprobe.</summary>
public sealed class RecordCommandTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("clip.mp4")]
    [InlineData("clip.mkv")]
    [InlineData("clip.ts")]
    public async Task Records_five_seconds_of_h264_at_the_asked_size(string name)
    {
        var path = _folder.File(name);

        var (exitCode, output, error) = await CliProcess.RunAsync(Generous, "record", path, "--duration", "5s", "--source", "test", "--width", "320", "--height", "240");

        Assert.True(exitCode == 0, $"exit {exitCode}: {output} {error}");
        var probe = await VideoProbe.ProbeAsync(path);
        Assert.Equal("h264", probe.Codec);
        Assert.Equal((320, 240), (probe.Width, probe.Height));
        Assert.NotNull(probe.Duration);
        Assert.InRange(probe.Duration!.Value, 4.5, 5.5);
        Assert.Equal(120, probe.DecodedFrames);
        Assert.Contains("Saved ", output);
    }

    [Fact]
    public async Task Sigterm_finishes_a_playable_file_of_what_was_recorded()
    {
        var path = _folder.File("stopped.mp4");
        await using var cli = CliProcess.Start("record", path, "--source", "test", "--width", "320", "--height", "240");
        await cli.Recording.WaitAsync(Generous);
        await Task.Delay(TimeSpan.FromSeconds(3));

        cli.Terminate();
        var exitCode = await cli.WaitAsync(Generous);

        Assert.True(exitCode == 0, $"exit {exitCode}: {cli.Output} {cli.Error}");
        var probe = await VideoProbe.ProbeAsync(path);
        Assert.Equal("h264", probe.Codec);
        Assert.InRange(probe.DecodedFrames / 24.0, 2.0, 5.0);
        Assert.Contains("Saved ", cli.Output);
    }

    [Fact]
    public async Task Sigkill_of_pistream_and_ffmpeg_still_leaves_a_playable_file()
    {
        var path = _folder.File("crashed.mp4");
        await using var cli = CliProcess.Start("record", path, "--source", "test", "--width", "320", "--height", "240");
        await cli.Recording.WaitAsync(Generous);
        await Task.Delay(TimeSpan.FromSeconds(3));

        cli.Crash();
        await cli.WaitAsync(Generous);

        var probe = await VideoProbe.ProbeAsync(path);
        Assert.Equal("h264", probe.Codec);
        Assert.True(probe.DecodedFrames >= 2 * 24, $"only {probe.DecodedFrames} frames survived: {probe.Errors}");
    }

    public void Dispose() => _folder.Dispose();
}
