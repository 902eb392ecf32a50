using System.Diagnostics;
using System.Net.WebSockets;

namespace PiStream.Bench;

/// <summary>
/// <c>bash bench/run.sh --perf</c>: pistream against the comparison relay in one run (640x480@24, 800 kbit/s MPEG-1, the same
/// <c>testsrc</c> pictures, light viewers on loopback), alternating rounds so both see the same load; then pistream's memory
/// under each runtime setting tried; the Pi budget (one core); JSMpeg's renderers in headless Chromium.
/// Parts can be chosen with <c>--parts fanout,memory,budget,renderer</c>.
/// </summary>
internal static class PerfBench
{
    public const int Framerate = 24;
    public const string Bitrate = "800k";
    public static readonly string[] AllParts = ["fanout", "memory", "budget", "renderer"];

    /// <summary>The server the targets are checked on: the Native AOT build when the run has one (a Raspberry Pi's form), else the JIT build.</summary>
    public const string Pistream = "pistream";

    /// <summary>The JIT build (the tool package every machine but a Pi installs), measured beside the native one.</summary>
    public const string PistreamJit = "pistream JIT";

    /// <summary>Parts only run when named: <c>hold</c> keeps pistream at 1, then 200 viewers, for a profiler to attach.</summary>
    public static readonly string[] ExtraParts = ["hold"];

    public static async Task<PerfResult> RunAsync(bool quick, IReadOnlyCollection<string> parts, int rounds, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var load = new Dictionary<string, string>();
        var levels = new List<PerfLevel>();
        var memory = new List<MemoryResult>();
        IReadOnlyList<PiBudgetResult> budget = [];
        IReadOnlyList<RendererResult> renderers = [];
        int[] counts = quick ? [1, 5] : [1, 50, 200, 500];
        var settle = TimeSpan.FromSeconds(quick ? 1 : 4);
        var window = TimeSpan.FromSeconds(quick ? 2 : 15);
        if (parts.Contains("fanout"))
        {
            for (var round = 1; round <= rounds; round++)
            {
                Section(load, $"fan-out round {round}");
                await using (var server = await StartPistreamAsync(null, cancellationToken, NativeBuild.Executable))
                {
                    levels.AddRange(await LoadMeter.MeasureAsync(new PerfTarget(Pistream, server.Pid, server.StreamUri), round, counts, settle, window, cancellationToken));
                }

                if (NativeBuild.Executable is not null)
                {
                    await using var jit = await StartPistreamAsync(null, cancellationToken);
                    levels.AddRange(await LoadMeter.MeasureAsync(new PerfTarget(PistreamJit, jit.Pid, jit.StreamUri), round, counts, settle, window, cancellationToken));
                }

                await using (var relay = await RelayServer.StartAsync(Framerate, 640, 480, Bitrate, cancellationToken))
                {
                    await WaitForMessageAsync(relay.StreamUri, cancellationToken);
                    await Task.Delay(settle, cancellationToken);
                    levels.AddRange(await LoadMeter.MeasureAsync(new PerfTarget("relay", relay.Pid, relay.StreamUri), round, counts, settle, window, cancellationToken));
                }
            }
        }

        if (parts.Contains("hold"))
        {
            await HoldAsync(cancellationToken);
        }

        if (parts.Contains("memory"))
        {
            Section(load, "memory");
            foreach (var setting in MemorySetting.All.Where(s => !s.Native || NativeBuild.Executable is not null))
            {
                memory.Add(await MemoryAsync(setting, quick, cancellationToken));
            }
        }

        if (parts.Contains("budget") || parts.Contains("renderer"))
        {
            await using var chromium = await HeadlessChromium.LaunchAsync();
            if (parts.Contains("budget"))
            {
                Section(load, "pi budget");
                budget = await PiBudgetBench.RunAsync(chromium.Browser, quick, cancellationToken);
            }

            if (parts.Contains("renderer"))
            {
                Section(load, "renderer");
                renderers = await RendererBench.RunAsync(chromium.Browser, quick, cancellationToken);
            }
        }

        load["end"] = MachineInfo.LoadAverage();
        return new PerfResult(quick, started, clock.Elapsed, load, levels, memory, budget, renderers);
    }

    /// <summary>For a profiler: prints "hold N PID" and keeps pistream at N viewers for 30 s (N = 1, then 200).</summary>
    private static async Task HoldAsync(CancellationToken cancellationToken)
    {
        await using var server = await StartPistreamAsync(new Dictionary<string, string> { ["DOTNET_PerfMapEnabled"] = "1" }, cancellationToken);
        await using var group = new ViewerGroup();
        foreach (var level in new[] { 1, 200 })
        {
            await group.AddAsync(server.StreamUri, level - group.Count, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(4), cancellationToken);
            Console.WriteLine($"hold {level} {server.Pid}");
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        }
    }

    private static async Task<MemoryResult> MemoryAsync(MemorySetting setting, bool quick, CancellationToken cancellationToken)
    {
        await using var server = await StartPistreamAsync(setting.Environment, cancellationToken, setting.Native ? NativeBuild.Executable : null);
        await using var group = new ViewerGroup();
        await group.AddAsync(server.StreamUri, quick ? 5 : 50, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(quick ? 1 : 5), cancellationToken);
        var before = ProcessSample.Read(server.Pid);
        await group.MeasureAsync(TimeSpan.FromSeconds(quick ? 2 : 10), cancellationToken);
        var cpu = ProcessSample.CorePercent(before, ProcessSample.Read(server.Pid));
        var at50 = await MemorySample.ReadAsync(server.Pid, server.Port, cancellationToken);
        await group.AddAsync(server.StreamUri, (quick ? 10 : 500) - group.Count, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(quick ? 1 : 5), cancellationToken);
        var rates = await group.MeasureAsync(TimeSpan.FromSeconds(quick ? 2 : 10), cancellationToken);
        var at500 = await MemorySample.ReadAsync(server.Pid, server.Port, cancellationToken);
        Console.WriteLine($"  memory {setting.Name}: 50 viewers {at50.RssMb:0.0} MB (anon {at50.AnonMb:0.0}, file {at50.FileMb:0.0}, GC committed {at50.GcCommittedMb:0.0}), 500 viewers {at500.RssMb:0.0} MB, CPU at 50 {cpu:0.0}%");
        return new MemoryResult(setting.Name, at50, at500, cpu, rates.DefaultIfEmpty(0).Min());
    }

    /// <summary>pistream fed by an external generator (its CPU excludes making frames), warmed up before measuring.</summary>
    private static async Task<BenchServer> StartPistreamAsync(IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken, string? executable = null)
    {
        var options = new ServerOptions(Framerate, ServerOptions.ExternalSource(Framerate), MaxViewers: 1000, Bitrate: Bitrate) { Environment = environment, Executable = executable };
        var server = BenchServer.Start(options);
        await server.WaitUntilServingAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        return server;
    }

    private static async Task WaitForMessageAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var socket = new ClientWebSocket();
            try
            {
                await socket.ConnectAsync(uri, deadline.Token);
                await socket.ReceiveAsync(new byte[64 * 1024].AsMemory(), deadline.Token);
                socket.Abort();
                return;
            }
            catch (WebSocketException)
            {
                await Task.Delay(50, deadline.Token);
            }
        }
    }

    private static void Section(Dictionary<string, string> load, string name)
    {
        load[name] = MachineInfo.LoadAverage();
        Console.WriteLine($"== {name} (load average {load[name]}) ==");
    }
}
