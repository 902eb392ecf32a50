namespace PiStream.Bench;

/// <summary>Grows one group of light viewers on a server level by level and measures each level over a window.</summary>
internal static class LoadMeter
{
    public static async Task<IReadOnlyList<PerfLevel>> MeasureAsync(PerfTarget target, int round, IReadOnlyList<int> levels, TimeSpan settle, TimeSpan window, CancellationToken cancellationToken)
    {
        var results = new List<PerfLevel>();
        await using var group = new ViewerGroup();
        foreach (var level in levels)
        {
            var failed = await group.AddAsync(target.StreamUri, level - group.Count, cancellationToken);
            await Task.Delay(settle, cancellationToken);
            var before = ProcessSample.Read(target.Pid);
            var rates = await group.MeasureAsync(window, cancellationToken);
            var after = ProcessSample.Read(target.Pid);
            var result = new PerfLevel(
                target.Name,
                round,
                level,
                ProcessSample.CorePercent(before, after),
                after.RssBytes / 1048576.0,
                rates.DefaultIfEmpty(0).Min(),
                rates.DefaultIfEmpty(0).Average(),
                group.Bytes() * 8 / 1e6 / (after.At - before.At).TotalSeconds,
                failed.Count);
            results.Add(result);
            Console.WriteLine($"  {target.Name} round {round}, {level} viewers: CPU {result.CpuPercent:0.0}% of a core, RSS {result.RssMb:0.0} MB, {result.MinMessagesPerSecond:0.0}-{result.MeanMessagesPerSecond:0.0} msg/s per viewer, {result.MbitPerSecond:0.0} Mbit/s, {failed.Count} failed");
        }

        return results;
    }
}
