using PiStream.Services.Recording;
using PiStream.Tests.Support;
using Xunit;

namespace PiStream.Tests.Commands;

/// <summary>What <c>pistream record</c> says when it cannot record, checked before capture wherever that can be known.</summary>
public sealed class RecordErrorTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Refuses_to_overwrite_an_existing_file_unless_forced()
    {
        var path = _folder.File("taken.mp4");
        await File.WriteAllTextAsync(path, "precious");

        var refused = await CliProcess.RunAsync(Generous, "record", path, "--source", "test", "--duration", "1s");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("taken.mp4 already exists: add --force to overwrite it", refused.Error);
        Assert.DoesNotContain("Recording ", refused.Output);
        Assert.Equal("precious", await File.ReadAllTextAsync(path));

        var forced = await CliProcess.RunAsync(Generous, "record", path, "--source", "test", "--duration", "1s", "--width", "320", "--height", "240", "--force");
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Equal("h264", (await VideoProbe.ProbeAsync(path)).Codec);
    }

    [Theory]
    [InlineData("no-such-folder/clip.mp4", 2, "the folder", "does not exist. Create it (mkdir -p")]
    [InlineData("clip.avi", 2, "does not end in .mp4, .mkv, .ts", "e.g.")]
    [InlineData("clip.mp4 --codec copy", 2, "--codec copy needs --from", "")]
    [InlineData("clip.mp4 --codec nosuchencoder", 2, "this ffmpeg has no such encoder", "")]
    public async Task Names_the_fix_for_a_bad_output_or_codec(string arguments, int exitCode, string message, string fix)
    {
        var words = arguments.Split(' ');
        var (code, output, error) = await CliProcess.RunAsync(Generous, ["record", _folder.File(words[0]), .. words[1..], "--source", "test", "--duration", "1s"]);

        Assert.Equal(exitCode, code);
        Assert.Contains(message, error);
        Assert.Contains(fix, error);
        Assert.DoesNotContain("Recording ", output);
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task Says_when_the_folder_cannot_be_written()
    {
        using var readOnly = Tmpfs.Mount(_folder.File("ro"), "size=1m,ro");

        var (exitCode, output, error) = await CliProcess.RunAsync(Generous, "record", Path.Combine(readOnly.Path, "clip.mp4"), "--source", "test", "--duration", "1s");

        Assert.Equal(1, exitCode);
        Assert.Contains("cannot write", error);
        Assert.Contains("Choose a folder you can write to", error);
        Assert.DoesNotContain("Recording ", output);
    }

    [Fact]
    public async Task Says_the_disk_is_full_before_capture_when_it_already_is()
    {
        using var disk = Tmpfs.Mount(_folder.File("full"), "size=2m");
        await File.WriteAllBytesAsync(Path.Combine(disk.Path, "filler"), new byte[1_500_000]);

        var (exitCode, output, error) = await CliProcess.RunAsync(Generous, "record", Path.Combine(disk.Path, "clip.mp4"), "--source", "test", "--duration", "1s");

        Assert.Equal(1, exitCode);
        Assert.Contains("disk full: only", error);
        Assert.DoesNotContain("Recording ", output);
        Assert.False(File.Exists(Path.Combine(disk.Path, "clip.mp4")));
    }

    [Fact]
    public async Task Stops_cleanly_when_the_disk_fills_up_and_keeps_a_playable_file()
    {
        using var disk = Tmpfs.Mount(_folder.File("small"), "size=2m");
        var path = Path.Combine(disk.Path, "noise.mp4");

        // Random pixels barely compress, so 2 MB fill up within seconds.
        var (exitCode, output, error) = await CliProcess.RunAsync(Generous, "record", path, "--source", "exec:cat /dev/urandom", "--width", "320", "--height", "240");

        Assert.Equal(1, exitCode);
        Assert.Matches(@"error: disk full while writing .*noise\.mp4: kept \d+\.\d s already recorded", error);
        Assert.Contains("Recording ", output);
        var probe = await VideoProbe.ProbeAsync(path);
        Assert.Equal("h264", probe.Codec);
        Assert.True(probe.DecodedFrames >= 24, $"only {probe.DecodedFrames} frames kept");
    }

    [Fact]
    public async Task Points_to_from_when_the_camera_is_held_by_serve()
    {
        // A stand-in camera that fails the way rpicam-vid does when another process has the camera.
        const string busyCamera = "exec:echo 'ERROR: *** failed to acquire camera /base/soc/i2c0mux/i2c@1/imx219@10 ***' >&2; exit 255";

        var (exitCode, _, error) = await CliProcess.RunAsync(Generous, "record", _folder.File("busy.mp4"), "--source", busyCamera, "--duration", "3s");

        Assert.Equal(1, exitCode);
        Assert.Contains(RecordRunner.CameraBusyMessage, error);
        Assert.False(File.Exists(_folder.File("busy.mp4")), "an empty file should not be left behind");
    }

    public void Dispose() => _folder.Dispose();
}
