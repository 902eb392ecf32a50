using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.RegularExpressions;

namespace PiStream.Bench;

/// <summary>
/// SSIM of what a WebSocket viewer receives against the source frames, MPEG-1 against H.264 (libx264) at the same
/// size and bitrate, for each <see cref="QualitySource"/> of the plan (test pattern, fine detail, camera clip).
/// The source is rendered to a raw yuv420p file first and played into serve in real time by an
/// <c>exec:</c> generator, so every source frame is known; a light viewer keeps the binary messages it receives,
/// ffmpeg decodes them to a raw file (ffmpeg's decoders, not the browser's), the first decoded frames are matched to
/// the source file (smallest luma difference) and ffmpeg's <c>ssim</c> filter compares the two raw files frame by frame.
/// </summary>
internal static partial class ViewerQuality
{
    private const int Framerate = 30;

    public static async Task<IReadOnlyList<QualityResult>> RunAsync(PlayersPlan plan, CancellationToken cancellationToken)
    {
        var results = new List<QualityResult>();
        if (plan.CameraMissing is { } missing)
        {
            Console.WriteLine($"  quality {QualitySource.CameraName}: not measured: {missing}");
        }

        var folder = Directory.CreateTempSubdirectory("pistream-quality-").FullName;
        try
        {
            foreach (var source in plan.QualitySources)
            {
                foreach (var (width, height, bitrate) in plan.QualitySizes)
                {
                    var file = Path.Combine(folder, "source.yuv");
                    var total = plan.QualityFrames + (plan.Quick ? 150 : 420); // room for start-up and warm-up before the viewer records
                    string? renderFailed = null;
                    try
                    {
                        await FfmpegAsync([.. source.RenderArguments(width, height, Framerate), "-frames:v", Text(total), "-f", "rawvideo", "-pix_fmt", "yuv420p", "-y", file], cancellationToken);
                    }
                    catch (InvalidOperationException e)
                    {
                        Console.Error.WriteLine($"  quality {source.Name} {width}x{height}: rendering the source: {e.Message}");
                        renderFailed = "the source could not be rendered";
                    }

                    foreach (var codec in new[] { "mpeg1", "h264" })
                    {
                        try
                        {
                            results.Add(renderFailed is null
                                ? await MeasureAsync(plan, folder, file, total, source.Name, codec, width, height, bitrate, cancellationToken)
                                : new QualityResult(source.Name, codec, width, height, bitrate, double.NaN, double.NaN, 0, MachineInfo.LoadAverage(), renderFailed));
                        }
                        catch (Exception e) when (e is InvalidOperationException or IOException or WebSocketException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
                        {
                            Console.Error.WriteLine($"  quality {source.Name} {codec} {width}x{height}: {e.Message}");
                            results.Add(new QualityResult(source.Name, codec, width, height, bitrate, double.NaN, double.NaN, 0, MachineInfo.LoadAverage(), e.GetType().Name));
                        }
                    }

                    File.Delete(file);
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return results;
    }

    private static async Task<QualityResult> MeasureAsync(PlayersPlan plan, string folder, string file, int total, string source, string codec, int width, int height, string bitrate, CancellationToken cancellationToken)
    {
        var generator = $"exec:ffmpeg -hide_banner -loglevel error -nostdin -re -f rawvideo -pix_fmt yuv420p -video_size {width}x{height} -framerate {Framerate} -i {file} -f rawvideo pipe:1";
        var received = Path.Combine(folder, codec == "h264" ? "received.h264" : "received.ts");
        string load;
        long bytes;
        await using (var server = BenchServer.Start(new ServerOptions(Framerate, generator, Codec: codec, Width: width, Height: height, Bitrate: bitrate)))
        {
            await server.WaitUntilServingAsync(TimeSpan.FromSeconds(30), cancellationToken);
            await Task.Delay(plan.Settle, cancellationToken);
            load = MachineInfo.LoadAverage();
            bytes = await RecordAsync(server.StreamUri, received, plan.QualityFrames, cancellationToken);
        }

        // Decoded to a raw file first: ssim on the two raw files pairs frame n with frame n (ffmpeg's timestamps from
        // MPEG-TS put the pairs one frame apart when the stream is fed to the filter directly).
        var format = codec == "h264" ? new[] { "-f", "h264", "-framerate", Text(Framerate) } : ["-f", "mpegts"];
        var decoded = Path.Combine(folder, "decoded.yuv");
        await FfmpegAsync([.. format, "-i", received, "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-y", decoded], cancellationToken);
        var offset = SourceMatch.BestOffset(file, total, width, height, FirstFramesLuma(decoded, width, height));
        var raw = new[] { "-f", "rawvideo", "-pix_fmt", "yuv420p", "-video_size", $"{width}x{height}", "-framerate", Text(Framerate) };
        var log = await FfmpegAsync(
            [.. raw, "-i", decoded, .. raw, "-i", file, "-lavfi", $"[1:v]trim=start_frame={offset},setpts=PTS-STARTPTS[r];[0:v][r]ssim=shortest=1", "-f", "null", "-"],
            cancellationToken,
            logLevel: "info");
        File.Delete(decoded);
        var match = SsimAll().Match(log);
        var ssim = match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
        var kbps = bytes * 8.0 / (plan.QualityFrames / (double)Framerate) / 1000;
        var problem = offset + plan.QualityFrames > total ? "the source file ran out before the viewer's last frame" : match.Success ? null : "ffmpeg printed no SSIM";
        Console.WriteLine($"  quality {source} {codec} {width}x{height} {bitrate}: SSIM {ssim:0.0000}, {kbps:0} kbit/s received, first frame = source frame {offset} (load {load}){(problem is null ? "" : " " + problem)}");
        File.Delete(received);
        return new QualityResult(source, codec, width, height, bitrate, ssim, kbps, plan.QualityFrames, load, problem);
    }

    /// <summary>Keeps the binary messages after the header until <paramref name="frames"/> pictures arrived; returns their bytes.</summary>
    private static async Task<long> RecordAsync(Uri uri, string path, int frames, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(frames / (double)Framerate * 4 + 30));
        await socket.ConnectAsync(uri, deadline.Token);
        await using var output = File.Create(path);
        var buffer = new byte[4 * 1024 * 1024];
        var count = -1; // the header first
        long bytes = 0;
        while (count < frames)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(length), deadline.Token);
                length += result.Count;
            }
            while (!result.EndOfMessage);
            if (result.MessageType != WebSocketMessageType.Binary)
            {
                continue;
            }

            if (count++ >= 0)
            {
                await output.WriteAsync(buffer.AsMemory(0, length), deadline.Token);
                bytes += length;
            }
        }

        socket.Abort();
        return bytes;
    }

    /// <summary>The luma planes of the first <see cref="SourceMatch.Frames"/> frames of a raw yuv420p file.</summary>
    private static byte[] FirstFramesLuma(string decoded, int width, int height)
    {
        var lumaSize = width * height;
        var luma = new byte[SourceMatch.Frames * lumaSize];
        using var stream = File.OpenRead(decoded);
        for (var frame = 0; frame < SourceMatch.Frames; frame++)
        {
            stream.Position = (long)frame * lumaSize * 3 / 2;
            stream.ReadExactly(luma.AsSpan(frame * lumaSize, lumaSize));
        }

        return luma;
    }

    /// <summary>Runs ffmpeg to its end; returns standard error (the <c>ssim</c> filter's summary is logged there).</summary>
    private static async Task<string> FfmpegAsync(IEnumerable<string> arguments, CancellationToken cancellationToken, string logLevel = "error")
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-hide_banner", "-nostdin", "-loglevel", logLevel }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await output;
        return process.ExitCode == 0 ? await error : throw new InvalidOperationException($"ffmpeg failed ({process.ExitCode}): {await error}");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"SSIM Y:.* All:([0-9.]+)")]
    private static partial Regex SsimAll();
}
