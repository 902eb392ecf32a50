using System.Diagnostics;

namespace PiStream.Bench;

/// <summary>
/// <c>bash bench/run.sh --players [--quick]</c> (latency per player at two sizes, SSIM through the viewer, encoder CPU,
/// fan-out by codec), <c>--players-quality [--quick]</c> (SSIM only) and <c>--players-drift [--quick]</c> (the MSE player
/// over 10 minutes): each writes its own block of
/// docs/benchmarks.md (quick: prints only). Exit 1 when the harness broke (no stamp read, no SSIM, no frame).
/// </summary>
internal static class PlayersMode
{
    public static async Task<int> RunAsync(string mode, bool quick, string output, CancellationToken cancellationToken)
    {
        var plan = (quick ? PlayersPlan.QuickSmoke : PlayersPlan.Full).With(CameraClip.FromEnvironment());
        var machine = MachineInfo.Read();
        if (mode == "--players-drift")
        {
            PlayerLatency run;
            await using (var chromium = await HeadlessChromium.LaunchAsync())
            {
                run = await new PlayerLatencyBench(plan, new PageLatency(chromium.Browser)).DriftAsync(cancellationToken);
            }

            var driftText = PlayersReport.RenderDrift(run, plan.DriftWindow, quick);
            PlayersReport.Write(output, PlayersReport.DriftBegin, PlayersReport.DriftEnd, "### MSE drift (issue 12)", driftText);
            Console.WriteLine(driftText);
            return run.Run.Latency.Count > 0 ? 0 : 1;
        }

        if (mode == "--players-quality")
        {
            var only = await ViewerQuality.RunAsync(plan, cancellationToken);
            WriteQuality(output, only, plan);
            return only.Any(q => double.IsNaN(q.Ssim)) ? 1 : 0;
        }

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        IReadOnlyList<PlayerLatency> latency;
        Console.WriteLine($"== latency per player (load average {MachineInfo.LoadAverage()}) ==");
        await using (var chromium = await HeadlessChromium.LaunchAsync())
        {
            latency = await new PlayerLatencyBench(plan, new PageLatency(chromium.Browser)).RunAsync(cancellationToken);
        }

        Console.WriteLine($"== quality (load average {MachineInfo.LoadAverage()}) ==");
        var quality = await ViewerQuality.RunAsync(plan, cancellationToken);
        Console.WriteLine($"== encoder CPU (load average {MachineInfo.LoadAverage()}) ==");
        var cpu = await EncoderCpuBench.RunAsync(plan, cancellationToken);
        Console.WriteLine($"== fan-out by codec (load average {MachineInfo.LoadAverage()}) ==");
        var fanOut = await CodecFanOutBench.RunAsync(plan, cancellationToken);
        var result = new PlayersResult(plan, started, clock.Elapsed, latency, quality, cpu, fanOut);
        var text = PlayersReport.Render(result, machine);
        PlayersReport.Write(output, PlayersReport.Begin, PlayersReport.End, "### Players, quality, encoder CPU and fan-out by codec (issue 12)", text);
        Console.WriteLine(text);
        WriteQuality(output, quality, plan);
        var broken = latency.Any(p => p.Run.Latency.Count == 0) || quality.Any(q => double.IsNaN(q.Ssim)) || fanOut.Any(f => f.MeanFps <= 0) || cpu.Any(c => c.EncoderPercent <= 0);
        return broken ? 1 : 0;
    }

    private static void WriteQuality(string output, IReadOnlyList<QualityResult> quality, PlayersPlan plan)
    {
        var text = PlayersReport.RenderQuality(quality, plan);
        PlayersReport.Write(output, PlayersReport.QualityBegin, PlayersReport.QualityEnd, "#### Quality (issue 12)", text);
        Console.WriteLine(text);
    }
}
