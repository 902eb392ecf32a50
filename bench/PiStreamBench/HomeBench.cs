using System.Diagnostics;
using System.Globalization;
using PiStream.Services.Capture;

namespace PiStream.Bench;

/// <summary>
/// Snapshot latency and MJPEG cost against a real <c>pistream serve</c> at 640x480: snapshots from the built-in test
/// pattern (its frames carry their capture time), MJPEG fed by an external <c>exec:</c> generator (so serve's CPU
/// excludes making frames). Snapshots: cold ones wait out the encoder's 5 s keep-alive
/// first; warm ones follow each other. Each picture is decoded by ffmpeg and its frame stamp read. MJPEG: N clients
/// read /stream.mjpg for a window; CPU of serve (dotnet) and of the JPEG ffmpeg children is read from /proc.
/// </summary>
internal static class HomeBench
{
    private static readonly byte[] Boundary = "--pistream-frame\r\n"u8.ToArray();

    public static async Task<HomeResult> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        const int framerate = 24;
        var window = quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(15);
        var (cold, warm, ages) = await SnapshotsAsync(quick, framerate, cancellationToken);
        await using var server = BenchServer.Start(new ServerOptions(framerate, ServerOptions.ExternalSource(framerate), MaxViewers: 100));
        await server.WaitUntilServingAsync(TimeSpan.FromSeconds(30), cancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}/"), Timeout = TimeSpan.FromSeconds(30) };
        await Task.Delay(1000, cancellationToken);
        var loads = new List<MjpegLoad> { await LoadAsync(server.Pid, http, 0, 640, window, cancellationToken) };
        foreach (var (clients, width) in quick ? [(1, 640)] : new[] { (1, 640), (10, 640), (50, 640), (10, 320), (50, 320) })
        {
            loads.Add(await LoadAsync(server.Pid, http, clients, width, window, cancellationToken));
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }

        return new HomeResult(cold, warm, ages, loads, framerate, window);
    }

    public static double Median(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);

    /// <summary>Snapshots from a serve with the built-in test pattern, whose frames carry their capture time.</summary>
    private static async Task<(List<double> Cold, List<double> Warm, List<double> Ages)> SnapshotsAsync(bool quick, int framerate, CancellationToken cancellationToken)
    {
        await using var server = BenchServer.Start(new ServerOptions(framerate));
        await server.WaitUntilServingAsync(TimeSpan.FromSeconds(30), cancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}/"), Timeout = TimeSpan.FromSeconds(30) };
        await Task.Delay(1000, cancellationToken);

        var cold = new List<double>();
        var warm = new List<double>();
        var ages = new List<double>();
        for (var i = 0; i < (quick ? 1 : 5); i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(6), cancellationToken); // the encoder's keep-alive runs out
            cold.Add(await SnapshotAsync(http, ages, cancellationToken));
        }

        for (var i = 0; i < (quick ? 3 : 30); i++)
        {
            warm.Add(await SnapshotAsync(http, ages, cancellationToken));
            await Task.Delay(100, cancellationToken);
        }

        Console.WriteLine($"  snapshot: cold median {Median(cold):0} ms, warm median {Median(warm):0} ms, age median {Median(ages):0} ms");
        return (cold, warm, ages);
    }

    private static async Task<double> SnapshotAsync(HttpClient http, List<double> ages, CancellationToken cancellationToken)
    {
        var askedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % (1L << 40);
        var started = Stopwatch.GetTimestamp();
        var jpeg = await http.GetByteArrayAsync("snapshot.jpg", cancellationToken);
        var took = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (await ReadStampAsync(jpeg, cancellationToken) is { } stamp)
        {
            ages.Add(askedAt - stamp);
        }

        return took;
    }

    private static async Task<long?> ReadStampAsync(byte[] jpeg, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in "-v error -f mjpeg -i pipe:0 -frames:v 1 -f rawvideo -pix_fmt gray pipe:1".Split(' '))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var writing = Task.Run(async () =>
        {
            await process.StandardInput.BaseStream.WriteAsync(jpeg, cancellationToken);
            process.StandardInput.Close();
        }, cancellationToken);
        var luma = new byte[640 * 480];
        var read = await process.StandardOutput.BaseStream.ReadAtLeastAsync(luma, luma.Length, false, cancellationToken);
        await writing;
        await process.WaitForExitAsync(cancellationToken);
        await errors;
        return read == luma.Length && FrameStamp.TryRead(luma, 640, out var stamp) ? stamp : null;
    }

    private static async Task<MjpegLoad> LoadAsync(int serverPid, HttpClient http, int clients, int width, TimeSpan window, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var counts = new long[clients];
        var query = width == 640 ? "stream.mjpg" : $"stream.mjpg?width={width}";
        var readers = Enumerable.Range(0, clients).Select(i => ReadPartsAsync(http, query, counts, i, stop.Token)).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(clients == 0 ? 1 : 3), cancellationToken); // connected and warm
        var serveBefore = ProcessSample.Read(serverPid);
        var jpegBefore = JpegChildren(serverPid).ToDictionary(pid => pid, ProcessSample.Read);
        var countsBefore = counts.Select(count => Interlocked.Read(ref count)).ToArray();
        await Task.Delay(window, cancellationToken);
        var serveAfter = ProcessSample.Read(serverPid);
        var jpegCpu = jpegBefore.Sum(pair => ProcessSample.CorePercent(pair.Value, ProcessSample.Read(pair.Key)));
        var fps = counts.Select((count, i) => (Interlocked.Read(ref counts[i]) - countsBefore[i]) / window.TotalSeconds).ToArray();
        await stop.CancelAsync();
        await Task.WhenAll(readers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var load = new MjpegLoad(clients, width, ProcessSample.CorePercent(serveBefore, serveAfter), jpegCpu, fps.DefaultIfEmpty(0).Min(), fps.DefaultIfEmpty(0).Average());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  mjpeg {clients} x {width}: serve {load.ServeCpu:0.0}%, jpeg ffmpeg {load.JpegCpu:0.0}%, {load.MinFps:0.0}-{load.MeanFps:0.0} fps"));
        return load;
    }

    private static IEnumerable<int> JpegChildren(int serverPid) =>
        ProcessTree.ChildrenOf(serverPid).Where(pid =>
        {
            try
            {
                return File.ReadAllText($"/proc/{pid}/cmdline").Contains("mjpeg", StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
        });

    private static async Task ReadPartsAsync(HttpClient http, string query, long[] counts, int index, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(query, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[256 * 1024];
        var matched = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                matched = buffer[i] == Boundary[matched] ? matched + 1 : buffer[i] == Boundary[0] ? 1 : 0;
                if (matched == Boundary.Length)
                {
                    Interlocked.Increment(ref counts[index]);
                    matched = 0;
                }
            }
        }
    }
}
