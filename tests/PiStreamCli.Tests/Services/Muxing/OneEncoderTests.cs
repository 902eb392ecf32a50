using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using PiStream.Testing;
using PiStream.Tests.Support;
using Xunit;

namespace PiStream.Tests.Services.Muxing;

/// <summary>
/// The real <c>pistream serve</c> with <c>--record</c> and <c>--publish</c> (to a real nginx-rtmp): how many encoders
/// run is read from its process tree, what was recorded and published is read back with ffprobe.
/// </summary>
public sealed class OneEncoderTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Live_h264_is_recorded_and_published_by_the_one_live_encoder_and_both_go_on_after_it_is_killed()
    {
        await using var nginx = await NginxRtmp.StartAsync();
        var port = FreePorts.Free();
        await using var cli = await ServeAsync(port, "--codec", "h264", "--publish", nginx.PublishUrl);
        await using var viewer = await StreamClient.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/stream"));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        await HlsSegments.WaitForSegmentAfterAsync(nginx.Playlist, DateTime.MinValue, Generous);
        await WaitForSegmentsAsync(2, DateTime.MinValue);
        var before = Children(cli);
        var encoder = Assert.Single(before, child => child.IsH264Encoder);
        Assert.Equal(2, before.Count(child => child.IsCopyingMuxer)); // the recording's and the target's
        Assert.DoesNotContain(before, child => child.CommandLine.Contains("mpeg1video", StringComparison.Ordinal));

        var framesAtKill = viewer.Frames.Count;
        ProcessTree.Signal(encoder.Pid, "KILL");
        var killedAt = DateTime.UtcNow;
        await WaitUntilAsync(() => Children(cli).Any(child => child.IsH264Encoder && child.Pid != encoder.Pid), "a new live encoder");
        await viewer.WaitForFramesAsync(framesAtKill + 48, Generous);

        // Recording and publishing went on by themselves with the new encoder's pictures: new segments on both sides,
        // the target never lost its connection (the new encoder's parameter sets are the same), and still one encoder.
        var recorded = await WaitForSegmentsAsync(2, killedAt.AddSeconds(1));
        var published = await HlsSegments.WaitForSegmentAfterAsync(nginx.Playlist, killedAt.AddSeconds(1), Generous);
        foreach (var segment in recorded.Append(published))
        {
            var probe = await VideoProbe.ProbeAsync(segment);
            Assert.Equal(("h264", 320, 240), (probe.Codec, probe.Width, probe.Height));
            Assert.True(probe.DecodedFrames >= 24, $"{segment}: {probe.DecodedFrames} frames, {probe.Errors}");
        }

        var after = Children(cli);
        Assert.Single(after, child => child.IsH264Encoder);
        Assert.Equal(before.Where(child => child.IsCopyingMuxer).Select(child => child.Pid).Order(), after.Where(child => child.IsCopyingMuxer).Select(child => child.Pid).Order());
        using var status = JsonDocument.Parse(await http.GetStringAsync("/api/status"));
        var target = status.RootElement.GetProperty("publish").GetProperty("targets")[0];
        Assert.Equal(("live", 0), (target.GetProperty("state").GetString(), target.GetProperty("reconnects").GetInt32()));
        Assert.Equal(1, status.RootElement.GetProperty("encoderRestarts").GetInt32());
    }

    [Fact]
    public async Task Segments_of_copied_live_h264_start_with_a_keyframe_and_last_about_the_segment_length()
    {
        var port = FreePorts.Free();
        await using var cli = await ServeAsync(port, "--codec", "h264");

        var segments = await WaitForSegmentsAsync(3, DateTime.MinValue);

        Assert.Single(Children(cli), child => child.IsH264Encoder);
        Assert.Single(Children(cli), child => child.IsCopyingMuxer);
        foreach (var segment in segments)
        {
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}Z\.mp4$", Path.GetFileName(segment));
            var probe = await VideoProbe.ProbeAsync(segment);
            Assert.Equal(("h264", 320, 240), (probe.Codec, probe.Width, probe.Height));
            Assert.True(probe.Duration is >= 2.9 and <= 4.1, $"{segment} lasts {probe.Duration} s (segments of 3 s, keyframes every second)");
            Assert.Equal(probe.DecodedFrames, (int)Math.Round(probe.Duration!.Value * 24));
            Assert.Equal("1", (await FirstFrameAsync(segment)).Split(',')[0]);
        }
    }

    [Fact]
    public async Task With_live_mpeg1_one_h264_encoder_serves_the_recording_and_every_target_and_a_dead_or_silent_target_holds_none_up()
    {
        await using var nginx = await NginxRtmp.StartAsync();
        var port = FreePorts.Free();
        var nobody = $"rtmp://127.0.0.1:{FreePorts.Free()}/live/nobody";
        using var stalled = new TcpListener(IPAddress.Loopback, 0); // takes connections (the kernel does) and never answers
        stalled.Start();
        var silent = $"rtmp://127.0.0.1:{((IPEndPoint)stalled.LocalEndpoint).Port}/live/silent";
        await using var cli = await ServeAsync(
            port, "--codec", "mpeg1", "--publish", nginx.PublishUrlOf("one"), "--publish", nginx.PublishUrlOf("two"), "--publish", nobody, "--publish", silent);
        await using var viewer = await StreamClient.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/stream"));

        var one = await HlsSegments.WaitForSegmentAfterAsync(nginx.PlaylistOf("one"), DateTime.MinValue, Generous);
        var two = await HlsSegments.WaitForSegmentAfterAsync(nginx.PlaylistOf("two"), DateTime.MinValue, Generous);
        var recorded = await WaitForSegmentsAsync(1, DateTime.MinValue);
        foreach (var segment in recorded.Append(one).Append(two))
        {
            var probe = await VideoProbe.ProbeAsync(segment);
            Assert.Equal(("h264", 320, 240), (probe.Codec, probe.Width, probe.Height));
            Assert.True(probe.DecodedFrames > 0, probe.Errors);
        }

        var children = Children(cli);
        Assert.Single(children, child => child.IsH264Encoder);
        Assert.Single(children, child => child.CommandLine.Contains("mpeg1video", StringComparison.Ordinal));
        Assert.True(children.Count(child => child.IsCopyingMuxer) >= 3, string.Join('\n', children.Select(child => child.CommandLine)));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        using var status = JsonDocument.Parse(await http.GetStringAsync("/api/status"));
        var states = status.RootElement.GetProperty("publish").GetProperty("targets").EnumerateArray().Select(target => target.GetProperty("state").GetString()).ToArray();
        Assert.Equal("live,live,retrying", string.Join(',', states[..3]));
        Assert.NotEqual("live", states[3]);

        // The live stream was never held up by the dead and the silent target: a viewer gets the frame rate.
        var frames = viewer.Frames.Count;
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.True(viewer.Frames.Count - frames >= 5 * 24 / 2, $"{viewer.Frames.Count - frames} frames in 5 s at 24 fps");
    }

    public void Dispose() => _folder.Dispose();

    private async Task<CliProcess> ServeAsync(int port, params string[] arguments) => await CliProcess.ServeAsync(
    [
        "--source", "test", "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--ws-port", FreePorts.Free().ToString(CultureInfo.InvariantCulture),
        "--width", "320", "--height", "240", "--framerate", "24", "--keyframe-interval", "24",
        "--record", _folder.Path, "--segment-length", "3s", .. arguments,
    ]);

    /// <summary>Finished segments (final names) written after <paramref name="after"/>, at least <paramref name="count"/> of them.</summary>
    private async Task<IReadOnlyList<string>> WaitForSegmentsAsync(int count, DateTime after)
    {
        IReadOnlyList<string> Finished() => [.. Directory.GetFiles(_folder.Path, "*.mp4").Where(path => File.GetLastWriteTimeUtc(path) > after).Order(StringComparer.Ordinal)];
        await WaitUntilAsync(() => Finished().Count >= count, $"{count} segments after {after:O}");
        return Finished();
    }

    private static async Task<string> FirstFrameAsync(string path)
    {
        var (_, output) = await RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "frame=key_frame,pict_type", "-read_intervals", "%+#1", "-of", "csv=p=0", path);
        return output.Trim();
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Generous);
        return (process.ExitCode, await output);
    }

    private static IReadOnlyList<Child> Children(CliProcess cli) =>
        [.. cli.Children().Select(pid => new Child(pid, CommandLineOf(pid))).Where(child => child.CommandLine.Length > 0)];

    private static string CommandLineOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Generous, $"waited {Generous} for {what}");
            await Task.Delay(200);
        }
    }

    private sealed record Child(int Pid, string CommandLine)
    {
        public bool IsH264Encoder => CommandLine.Contains("-c:v libx264", StringComparison.Ordinal) || CommandLine.Contains("-c:v h264_v4l2m2m", StringComparison.Ordinal);

        public bool IsCopyingMuxer => CommandLine.Contains("-c copy", StringComparison.Ordinal);
    }
}
