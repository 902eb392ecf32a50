using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace PiStream.Bench;

/// <summary>
/// A Pi 3's budget: <c>pistream serve</c> with the built-in stamped test pattern, pinned to one core (<c>taskset -c 1</c>,
/// every thread, and its ffmpeg encoder inherits it), at 640x480@24 and 1280x720@30 (MPEG-1). One light viewer counts the
/// frames that arrive (dropped = expected minus received), one Chromium page (Canvas2D, not pinned) reads latency
/// from the picture; CPU of serve and of its children over the window, in % of the one core.
/// </summary>
internal static class PiBudgetBench
{
    public const int Core = 1;

    public static async Task<IReadOnlyList<PiBudgetResult>> RunAsync(IBrowser browser, bool quick, CancellationToken cancellationToken)
    {
        var window = quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(20);
        var results = new List<PiBudgetResult>();
        foreach (var (width, height, framerate, bitrate) in new[] { (640, 480, 24, "800k"), (1280, 720, 30, "2M") })
        {
            var options = new ServerOptions(framerate, Width: width, Height: height, Bitrate: bitrate) { Executable = NativeBuild.Executable };
            await using var server = BenchServer.Start(options);
            Pin(server.Pid);
            await server.WaitUntilServingAsync(TimeSpan.FromSeconds(30), cancellationToken);
            await using var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync(server.PageUri("measure&canvas2d").ToString());
            await page.WaitForFunctionAsync("() => window.pistream && window.pistream.latencies.length > 0", null, new() { Timeout = 30_000, PollingInterval = 50 });
            await using var group = new ViewerGroup();
            await group.AddAsync(server.StreamUri, 1, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(quick ? 1 : 4), cancellationToken);
            await page.EvaluateAsync("() => { window.pistream.latencies.splice(0); }");
            var children = ProcessTree.ChildrenOf(server.Pid).ToDictionary(pid => pid, ProcessSample.Read);
            var before = ProcessSample.Read(server.Pid);
            var clock = Stopwatch.StartNew();
            var rates = await group.MeasureAsync(window, cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            var after = ProcessSample.Read(server.Pid);
            var childCpu = children.Sum(pair => ProcessTree.IsAlive(pair.Key) ? ProcessSample.CorePercent(pair.Value, ProcessSample.Read(pair.Key)) : 0);
            var latencies = await page.EvaluateAsync<double[]>("() => window.pistream.latencies.splice(0)");
            var affinity = children.Keys.Select(Affinity).Prepend(Affinity(server.Pid)).Distinct().Aggregate((a, b) => a + "," + b);
            var result = new PiBudgetResult(width, height, framerate, bitrate, seconds, (long)Math.Round(framerate * seconds), (long)Math.Round(rates[0] * seconds),
                Percentiles.Of(latencies), ProcessSample.CorePercent(before, after), childCpu, affinity);
            results.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pi budget {width}x{height}@{framerate}: {result.FramesReceived}/{result.FramesExpected} frames, latency median {result.Latency.Median:0} p99 {result.Latency.P99:0} ms, serve {result.ServeCpu:0.0}% + children {result.ChildrenCpu:0.0}% (cpus {affinity})"));
        }

        return results;
    }

    /// <summary>Pins every thread of the process to <see cref="Core"/>; its later threads and children inherit that.</summary>
    private static void Pin(int pid)
    {
        using var taskset = Process.Start(new ProcessStartInfo("taskset", ["-a", "-p", "-c", Core.ToString(CultureInfo.InvariantCulture), pid.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true })!;
        taskset.StandardOutput.ReadToEnd();
        taskset.WaitForExit();
    }

    private static string Affinity(int pid) =>
        File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?";
}
