using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PiStream.Testing;
using PiStream.Tests.Support;
using Xunit;

namespace PiStream.Tests.Commands;

/// <summary><c>pistream serve --publish</c> and <c>--publish-url-file</c> as a real process: errors, the file, status and metrics.</summary>
public sealed class ServePublishTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Bad_urls_and_url_files_exit_2_naming_the_fix_and_never_the_secret()
    {
        var comments = _folder.File("comments.txt");
        await File.WriteAllTextAsync(comments, "# nothing here\n\n");
        var bad = _folder.File("bad.txt");
        await File.WriteAllTextAsync(bad, "rtmp://127.0.0.1/live/cam\nftp://user:hunter2@host/x\n");

        var scheme = await CliProcess.RunAsync("serve", "--source", "test", "--publish", "ftp://user:hunter2@host/live/x");
        var missing = await CliProcess.RunAsync("serve", "--source", "test", "--publish-url-file", _folder.File("missing.txt"));
        var empty = await CliProcess.RunAsync("serve", "--source", "test", "--publish-url-file", comments);
        var line = await CliProcess.RunAsync("serve", "--source", "test", "--publish-url-file", bad);

        Assert.Equal((2, 2, 2, 2), (scheme.ExitCode, missing.ExitCode, empty.ExitCode, line.ExitCode));
        Assert.Contains("use rtmp://, rtmps://, rtsp:// or srt://", scheme.Error);
        Assert.Contains("cannot be read", missing.Error);
        Assert.Contains("holds no URL: write one per line", empty.Error);
        Assert.Contains("line 2:", line.Error);
        Assert.All(new[] { scheme, line }, run => Assert.DoesNotContain("hunter2", run.Output + run.Error));
    }

    [Fact]
    public async Task A_url_file_publishes_to_its_target_and_status_metrics_and_log_show_it_masked()
    {
        await using var nginx = await NginxRtmp.StartAsync();
        var file = _folder.File("publish.txt");
        await File.WriteAllTextAsync(file, $"# the media server\n{nginx.PublishUrl}\n");
        var port = FreePorts.Free();
        await using var cli = await CliProcess.ServeAsync(
            "--source", "test", "--codec", "h264", "--width", "320", "--height", "240", "--bind", "127.0.0.1",
            "--port", port.ToString(CultureInfo.InvariantCulture), "--ws-port", FreePorts.Free().ToString(CultureInfo.InvariantCulture),
            "--publish-url-file", file);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var masked = $"rtmp://127.0.0.1:{nginx.Port}/live/***";

        var segment = await HlsSegments.WaitForSegmentAfterAsync(nginx.Playlist, DateTime.MinValue, Generous);
        Assert.Equal("h264", (await VideoProbe.ProbeAsync(segment)).Codec);
        var clock = Stopwatch.StartNew();
        JsonElement target;
        do
        {
            await Task.Delay(200);
            using var status = JsonDocument.Parse(await http.GetStringAsync("/api/status"));
            target = status.RootElement.GetProperty("publish").GetProperty("targets")[0].Clone();
        }
        while (target.GetProperty("state").GetString() != "live" && clock.Elapsed < Generous);

        Assert.Equal(("live", masked), (target.GetProperty("state").GetString(), target.GetProperty("url").GetString()));
        var metrics = await http.GetStringAsync("/metrics");
        var live = metrics.Split('\n').Single(row => row.StartsWith("pistream_publish_live", StringComparison.Ordinal));
        Assert.Contains($"target=\"{masked}\"", live);
        Assert.Equal("1", live.Split("} ")[1].Split(' ')[0]);
        Assert.Contains(metrics.Split('\n'), row => row.StartsWith("pistream_publish_bytes_sent", StringComparison.Ordinal) && row.Contains(masked, StringComparison.Ordinal));
        Assert.Contains($"Publishing to {masked}: live", cli.Output + cli.Error);
        Assert.DoesNotContain("/live/cam", metrics + cli.Output + cli.Error);
    }

    public void Dispose() => _folder.Dispose();
}
