using PiStream.Services.Recording;
using PiStream.Tests.Support;
using Xunit;

namespace PiStream.Tests.Commands;

/// <summary><c>pistream serve --record</c> as a real process: segments while streaming, and retention.</summary>
public sealed class ServeRecordTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Records_segments_while_streaming_and_deletes_the_oldest_beyond_keep_size()
    {
        var folder = _folder.File("recordings");
        await using var serve = CliProcess.Start(
            "serve", "--source", "test", "--width", "320", "--height", "240", "--bind", "127.0.0.1", "--port", "0", "--ws-port", "0",
            "--record", folder, "--segment-length", "2s", "--keep-size", "1");
        var watch = await serve.WaitForLineAsync(line => line.StartsWith("Watch at ", StringComparison.Ordinal)).WaitAsync(Generous);
        var deletions = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            deletions.Add(await serve.WaitForLineAsync(line => line.Contains("Deleted old recording", StringComparison.Ordinal) && !deletions.Contains(line)).WaitAsync(Generous));
        }

        serve.Terminate();
        Assert.Equal(0, await serve.WaitAsync(Generous));

        var left = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        Assert.All(left, path => Assert.True(SegmentRetention.IsSegmentName(Path.GetFileName(path)), path));
        Assert.InRange(left.Count, 1, 2);
        var deleted = deletions.Select(line => line.Split("Deleted old recording ")[1].Split(' ')[0]).ToList();
        Assert.All(deleted, path => Assert.DoesNotContain(path, left));
        Assert.All(deleted, path => Assert.True(string.CompareOrdinal(path, left[0]) < 0, $"{path} was deleted but is not older than {left[0]}"));
        foreach (var segment in left)
        {
            var probe = await VideoProbe.ProbeAsync(segment);
            Assert.Equal(("h264", 320, 240), (probe.Codec, probe.Width, probe.Height));
            Assert.True(probe.DecodedFrames > 0, segment);
        }

        Assert.Contains("Watch at", watch);
    }

    [Fact]
    public async Task Refuses_to_start_when_the_recording_folder_cannot_be_created()
    {
        var blocker = _folder.File("a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");

        var (exitCode, _, error) = await CliProcess.RunAsync(Generous, "serve", "--source", "test", "--bind", "127.0.0.1", "--port", "0", "--ws-port", "0", "--record", Path.Combine(blocker, "recordings"));

        Assert.Equal(1, exitCode);
        Assert.Contains("cannot record to", error);
        Assert.Contains("Give --record a folder you can write to", error);
    }

    [Fact]
    public async Task Rejects_retention_options_without_record()
    {
        var (exitCode, _, error) = await CliProcess.RunAsync(Generous, "serve", "--keep", "7d");

        Assert.Equal(2, exitCode);
        Assert.Contains("--keep only applies to recording: add --record DIR", error);
    }

    public void Dispose() => _folder.Dispose();
}
