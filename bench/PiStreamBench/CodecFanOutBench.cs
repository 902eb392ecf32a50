namespace PiStream.Bench;

/// <summary>
/// Fan-out as in <see cref="FanOutBench"/> (light viewers at growing counts, serve fed by an external <c>exec:</c>
/// generator at 640x480@30, 1 Mbit/s), for MPEG-1 and H.264 in the same run so they can be compared as ratios:
/// frame rate per viewer, serve's CPU (encoder excluded) and RSS, and the bytes the viewers received.
/// </summary>
internal static class CodecFanOutBench
{
    private const int Framerate = 30;

    public static async Task<IReadOnlyList<CodecFanOut>> RunAsync(PlayersPlan plan, CancellationToken cancellationToken)
    {
        var results = new List<CodecFanOut>();
        foreach (var codec in new[] { "mpeg1", "h264" })
        {
            await using var server = BenchServer.Start(new ServerOptions(Framerate, ServerOptions.ExternalSource(Framerate), Codec: codec, MaxViewers: 1000));
            await server.WaitUntilServingAsync(TimeSpan.FromSeconds(30), cancellationToken);
            await Task.Delay(plan.Settle * 2, cancellationToken);
            await using var group = new ViewerGroup();
            foreach (var level in plan.FanOutLevels)
            {
                var errors = await group.AddAsync(server.StreamUri, level - group.Count, cancellationToken);
                await Task.Delay(plan.Settle, cancellationToken);
                var load = MachineInfo.LoadAverage();
                var before = ProcessSample.Read(server.Pid);
                var fps = await group.MeasureAsync(plan.FanOutWindow, cancellationToken);
                var after = ProcessSample.Read(server.Pid);
                var result = new CodecFanOut(
                    codec,
                    level,
                    fps.DefaultIfEmpty(0).Min(),
                    fps.DefaultIfEmpty(0).Average(),
                    ProcessSample.CorePercent(before, after),
                    after.RssBytes / 1048576.0,
                    group.Bytes() * 8 / 1e6 / (after.At - before.At).TotalSeconds,
                    errors.Count,
                    load);
                Console.WriteLine($"  fan-out {codec} {level}: {result.MinFps:0.0}-{result.MeanFps:0.0} fps, CPU {result.CpuPercent:0.0}% of a core, RSS {result.RssMb:0} MB (load {load})");
                results.Add(result);
            }
        }

        return results;
    }
}
