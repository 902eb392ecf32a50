using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace PiStream.Bench;

/// <summary>
/// CPU of the live encoder per codec and size: serve fed by an external <c>exec:</c> generator (ffmpeg's testsrc2 at the
/// size, 30 fps), no viewer; the encoder is serve's ffmpeg child (its own utime + stime from /proc), serve itself is
/// read the same way. In % of one core of this machine.
/// </summary>
internal static class EncoderCpuBench
{
    private const int Framerate = 30;

    public static async Task<IReadOnlyList<EncoderCpu>> RunAsync(PlayersPlan plan, CancellationToken cancellationToken)
    {
        var results = new List<EncoderCpu>();
        foreach (var (width, height, bitrate) in plan.QualitySizes)
        {
            foreach (var codec in new[] { "mpeg1", "h264" })
            {
                var generator = string.Create(CultureInfo.InvariantCulture, $"exec:ffmpeg -hide_banner -loglevel error -nostdin -re -f lavfi -i testsrc2=size={width}x{height}:rate={Framerate} -f rawvideo -pix_fmt yuv420p pipe:1");
                await using var server = BenchServer.Start(new ServerOptions(Framerate, generator, Codec: codec, Width: width, Height: height, Bitrate: bitrate));
                await server.WaitUntilServingAsync(TimeSpan.FromSeconds(30), cancellationToken);
                await Task.Delay(plan.Settle * 2, cancellationToken);
                var encoder = EncoderPid(server.Pid) ?? throw new InvalidOperationException("serve has no encoder child process.");
                var load = MachineInfo.LoadAverage();
                var (serveBefore, encoderBefore) = (ProcessSample.Read(server.Pid), ProcessSample.Read(encoder));
                await Task.Delay(plan.CpuWindow, cancellationToken);
                var (serveAfter, encoderAfter) = (ProcessSample.Read(server.Pid), ProcessSample.Read(encoder));
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}/") };
                var status = await http.GetFromJsonAsync<JsonElement>("api/status", cancellationToken);
                var result = new EncoderCpu(codec, width, height, bitrate, ProcessSample.CorePercent(encoderBefore, encoderAfter), ProcessSample.CorePercent(serveBefore, serveAfter), status.GetProperty("fps").GetDouble(), load);
                Console.WriteLine($"  encoder {codec} {width}x{height} {bitrate}: {result.EncoderPercent:0.0}% of a core (serve {result.ServePercent:0.0}%, {result.Fps:0.0} fps; load {load})");
                results.Add(result);
            }
        }

        return results;
    }

    /// <summary>serve's child that encodes (reads raw frames on stdin), not the <c>sh</c> running the generator.</summary>
    private static int? EncoderPid(int serverPid) =>
        ProcessTree.ChildrenOf(serverPid).Cast<int?>().FirstOrDefault(pid =>
        {
            try
            {
                return File.ReadAllText($"/proc/{pid}/cmdline").Contains("pipe:0", StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
        });
}
