using System.Diagnostics;
using PiStream.Services.Capture;
using Microsoft.Extensions.DependencyInjection;
using PiStream.Services.Pipeline;
using PiStream.Services.Pistreaming;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Pipeline;

/// <summary>Faults survived: ffmpeg SIGKILLed again and again, a source that goes quiet, SIGTERM in the middle of it all.</summary>
[Trait("Category", "Faults")]
public sealed class FaultTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ten_sigkills_of_ffmpeg_in_a_minute_bring_the_picture_back_every_time_and_the_backoff_resets_after_a_stable_run()
    {
        var policy = new RestartPolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));
        using var log = new RecordingLoggerProvider();
        using var loggerFactory = log.CreateFactory();
        await using var server = await TestServer.StartAsync(policy: policy, loggerFactory: loggerFactory);
        await using var a = await StreamClient.ConnectAsync(server.StreamUri);
        await using var b = await StreamClient.ConnectAsync(server.WebSocketPortUri);
        var clock = Stopwatch.StartNew();
        var killed = new List<int>();

        for (var i = 0; i < 10; i++)
        {
            await PictureBackAsync(server, killed, a, b);
            killed.Add(KillEncoder(server));
        }

        await PictureBackAsync(server, killed, a, b);
        var inAMinute = clock.Elapsed;
        await Task.Delay(policy.StablePeriod + TimeSpan.FromSeconds(1));
        killed.Add(KillEncoder(server));
        await PictureBackAsync(server, killed, a, b);

        Assert.True(inAMinute < TimeSpan.FromMinutes(1), $"ten kills took {inAMinute}");
        Assert.Equal(11, server.Host.Broadcaster.Stats.EncoderRestarts);
        Assert.Equal(1, server.Host.Broadcaster.ViewerCount);
        Assert.Equal(1, server.Host.Services.GetRequiredService<PistreamingFeed>().Broadcaster.ViewerCount); // b, on --ws-port
        Assert.False(a.Completion.IsCompleted || b.Completion.IsCompleted, "a viewer was disconnected");
        Assert.All(killed, pid => Assert.False(ProcessTree.IsAlive(pid), $"ffmpeg {pid} is still alive"));
        var delays = log.Entries
            .Where(entry => entry.Values.ContainsKey("Delay") && entry.Message.StartsWith("Stream stopped", StringComparison.Ordinal))
            .Select(entry => Convert.ToDouble(entry.Values["Delay"], System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        Assert.Equal(11, delays.Length);
        Assert.Equal(0.1, delays[0], 3);
        Assert.Equal(0.8, delays[9], 3);
        Assert.Equal(0.1, delays[10], 3);
        Assert.Empty(log.Errors);
    }

    [Fact]
    public async Task A_source_that_stops_sending_without_exiting_is_restarted_by_the_watchdog_within_its_default_timeout()
    {
        var policy = RestartPolicy.Default with { InitialDelay = TimeSpan.FromMilliseconds(200) };
        Assert.Equal(TimeSpan.FromSeconds(5), policy.StallTimeout);
        var frameSize = 64 * 48 * 3 / 2;
        var settings = TestServer.Settings with
        {
            Source = new SourceSpec(SourceKind.Exec, $"head -c {frameSize * 24} /dev/urandom; sleep 600"),
            Format = new VideoFormat(64, 48, 24),
        };
        using var log = new RecordingLoggerProvider();
        using var loggerFactory = log.CreateFactory();
        await using var server = await TestServer.StartAsync(settings, policy, loggerFactory);
        await using var viewer = await StreamClient.ConnectAsync(server.StreamUri);
        await viewer.WaitForFramesAsync(10, Generous);

        await WaitUntilAsync(() => server.Host.Broadcaster.Stats.EncoderRestarts >= 1);
        var framesAtRestart = viewer.Frames.Count;
        await viewer.WaitForFramesAsync(framesAtRestart + 10, Generous);

        Assert.Contains(log.Entries, entry => entry.Message.Contains("sent no frame for 5 s", StringComparison.Ordinal));
        Assert.Equal(1, server.Host.Broadcaster.ViewerCount);
        Assert.Empty(log.Errors);
    }

    [Fact]
    public async Task Sigterm_in_the_middle_of_kills_and_hostile_clients_exits_within_two_seconds_and_leaves_no_child()
    {
        var port = FreePorts.Free();
        await using var cli = CliProcess.Start(["serve", "--source", "test", "--bind", "127.0.0.1", "--port", $"{port}", "--ws-port", $"{FreePorts.Free()}"]);
        await cli.WaitForOutputAsync("Press Ctrl+C", Generous);
        await using var viewer = await StreamClient.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/stream"));
        await using var chatty = await StreamClient.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/stream"));
        using var stalled = await RawWebSocketClient.ConnectWithoutReadingAsync(port, "/stream");
        using var slow = new System.Net.Sockets.TcpClient();
        await slow.ConnectAsync("127.0.0.1", port);
        await slow.GetStream().WriteAsync("GET /index.html HTTP/1.1\r\nHost: x\r\n"u8.ToArray());
        await viewer.WaitForFramesAsync(10, Generous);
        await chatty.SendAsync(new byte[1000]);

        var children = new HashSet<int>(cli.Children());
        var first = Assert.Single(children);
        Signal(first, "KILL");
        await WaitUntilAsync(() => cli.Children().Any(pid => pid != first));
        children.UnionWith(cli.Children());
        foreach (var pid in cli.Children())
        {
            Signal(pid, "KILL");
        }

        var clock = Stopwatch.StartNew();
        cli.Signal("TERM");
        await cli.WaitForExitAsync(Generous);
        var took = clock.Elapsed;

        Assert.True(took < TimeSpan.FromSeconds(2), $"took {took.TotalMilliseconds:0} ms");
        Assert.Equal(0, cli.ExitCode);
        Assert.All(children, pid => Assert.False(ProcessTree.IsAlive(pid), $"child {pid} outlived pistream"));
        await viewer.Completion.WaitAsync(Generous);
    }

    private static int KillEncoder(TestServer server)
    {
        var encoder = server.Host.Pipeline.CurrentEncoder!;
        encoder.Kill();
        return encoder.ProcessId;
    }

    /// <summary>Waits for a new ffmpeg (not one of <paramref name="killed"/>) and for both viewers to get frames from it.</summary>
    private static async Task PictureBackAsync(TestServer server, List<int> killed, StreamClient a, StreamClient b)
    {
        await WaitUntilAsync(() => server.Host.Pipeline.CurrentEncoder is { } encoder && !killed.Contains(encoder.ProcessId));
        var (fromA, fromB) = (a.Frames.Count, b.Frames.Count);
        await a.WaitForFramesAsync(fromA + 3, Generous);
        await b.WaitForFramesAsync(fromB + 3, Generous);
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Generous, "condition not met within 30 s");
            await Task.Delay(20);
        }
    }
}
