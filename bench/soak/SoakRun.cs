using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace PiStream.Soak;

/// <summary>The soak itself: the server, its viewers, the kills, the pan-tilt moves, and a sample every few seconds.</summary>
internal sealed class SoakRun(SoakOptions options, TextWriter log)
{
    public const int Width = 640;
    public const int Height = 480;

    public async Task<SoakResult> RunAsync()
    {
        var port = FreePorts.Free();
        await using var server = await CliProcess.ServeAsync(
            "--source", "test", "--bind", "127.0.0.1", "--port", Text(port), "--ws-port", Text(FreePorts.Free()),
            "--max-viewers", Text(options.Viewers + 5));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        var viewers = new List<SoakViewer>();
        for (var i = 0; i < options.Viewers; i++)
        {
            viewers.Add(await SoakViewer.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/stream"), keepRecent: i == 0));
        }

        using var stop = new CancellationTokenSource();
        var mover = options.PanTilt ? new PanTiltMover(http) : null;
        var moving = mover?.RunAsync(stop.Token) ?? Task.CompletedTask;
        var samples = new List<Sample>();
        var kills = new List<TimeSpan>();
        var children = new HashSet<int>(server.Children());
        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromMinutes(options.Minutes);
        var killEvery = TimeSpan.FromMinutes(options.KillEveryMinutes);
        var nextKill = killEvery;
        var lastFrames = viewers.Select(viewer => viewer.Frames).ToArray();
        var lastSample = clock.Elapsed;
        while (clock.Elapsed < duration)
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(options.SampleSeconds, Math.Max(1, (duration - clock.Elapsed).TotalSeconds))));
            children.UnionWith(server.Children());
            if (clock.Elapsed >= nextKill && clock.Elapsed < duration - TimeSpan.FromSeconds(options.SampleSeconds))
            {
                foreach (var pid in server.Children())
                {
                    ProcessTree.Signal(pid, "KILL");
                }

                kills.Add(clock.Elapsed);
                log.WriteLine($"{clock.Elapsed:hh\\:mm\\:ss} killed ffmpeg");
                nextKill += killEvery;
                await Task.Delay(TimeSpan.FromSeconds(3));
                children.UnionWith(server.Children());
            }

            var sample = await SampleAsync(server, http, viewers, lastFrames, clock.Elapsed - lastSample, clock.Elapsed, mover);
            lastSample = clock.Elapsed;
            lastFrames = viewers.Select(viewer => viewer.Frames).ToArray();
            samples.Add(sample);
            log.WriteLine($"{sample.Elapsed:hh\\:mm\\:ss} rss {sample.RssMiB:0.0} MiB, threads {sample.Threads}, handles {sample.Handles}, latency {sample.LatencyMedianMs:0} ms (p95 {sample.LatencyP95Ms:0}), viewers {sample.ViewersConnected}, min fps {sample.MinViewerFps:0.0}, restarts {sample.EncoderRestarts}");
        }

        await stop.CancelAsync();
        await moving;
        children.UnionWith(server.Children());
        var lost = viewers.Where(viewer => viewer.Lost).Select(viewer => viewer.LostReason ?? "?").ToArray();
        var (took, exitCode) = await server.TerminateAsync(TimeSpan.FromSeconds(30));
        var orphans = children.Where(ProcessTree.IsAlive).ToArray();
        foreach (var viewer in viewers)
        {
            await viewer.DisposeAsync();
        }

        return new SoakResult(options, samples, kills, lost, took, exitCode, children.Count, orphans, mover?.Answers);
    }

    private static async Task<Sample> SampleAsync(CliProcess server, HttpClient http, List<SoakViewer> viewers, long[] lastFrames, TimeSpan interval, TimeSpan elapsed, PanTiltMover? mover)
    {
        var process = ProcessSample.Read(server.Id);
        var latencies = await LatencyProbe.MeasureAsync(viewers[0].Recent(), Width, Height);
        Array.Sort(latencies);
        using var status = JsonDocument.Parse(await http.GetStringAsync("/api/status"));
        var fps = viewers.Select((viewer, i) => (viewer.Frames - lastFrames[i]) / Math.Max(0.001, interval.TotalSeconds)).Min();
        return new Sample(
            elapsed,
            process.RssMiB,
            process.Threads,
            process.OpenFiles,
            latencies.Length == 0 ? double.NaN : latencies[latencies.Length / 2],
            latencies.Length == 0 ? double.NaN : latencies[(int)(latencies.Length * 0.95)],
            viewers.Count(viewer => !viewer.Lost),
            fps,
            status.RootElement.GetProperty("encoderRestarts").GetInt32(),
            mover?.Requests ?? 0);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
