using System.Diagnostics;
using System.Globalization;

namespace PiStream.Bench;

/// <summary>
/// The comparison relay (bench/relay/relay.js: jsmpeg's websocket-relay.js done with the npm <c>ws</c> package) fed
/// by its own ffmpeg with the same pictures, size, rate, bitrate and MPEG-1/MPEG-TS settings as pistream's encoder.
/// Only node's CPU and memory are compared (pistream's ffmpeg encoder is not counted either).
/// </summary>
internal sealed class RelayServer : IAsyncDisposable
{
    private readonly Process _node;
    private readonly Process _feeder;

    private RelayServer(Process node, Process feeder, int port)
    {
        _node = node;
        _feeder = feeder;
        StreamUri = new Uri($"ws://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public int Pid => _node.Id;

    public Uri StreamUri { get; }

    public static async Task<RelayServer> StartAsync(int framerate, int width, int height, string bitrate, CancellationToken cancellationToken)
    {
        var script = Path.Combine(RepositoryRoot(), "bench", "relay", "relay.js");
        int inPort = FreePorts.Free(), outPort = FreePorts.Free();
        var node = Start("node", [script, "pistream", Text(inPort), Text(outPort)]);
        var listening = await node.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
        if (listening is null || !listening.StartsWith("relay:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The relay did not start (its errors are above; run 'npm ci' in bench/relay).");
        }

        var feeder = Start("ffmpeg",
        [
            "-hide_banner", "-loglevel", "error", "-nostdin", "-re", "-f", "lavfi", "-i", ServerOptions.TestSource(framerate, width, height),
            "-an", "-c:v", "mpeg1video", "-b:v", bitrate, "-bf", "0", "-g", Text(framerate), "-flags", "+low_delay", "-strict", "unofficial",
            "-f", "mpegts", "-omit_video_pes_length", "0", "-muxdelay", "0", "-muxpreload", "0", "-flush_packets", "1",
            $"http://127.0.0.1:{Text(inPort)}/pistream",
        ]);
        return new RelayServer(node, feeder, outPort);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { _feeder, _node })
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            process.Dispose();
        }
    }

    /// <summary>The repository folder (bench/relay is found from the benchmark's output folder or the current folder).</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "bench", "relay", "relay.js")))
            {
                return folder.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }

    private static Process Start(string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                Console.Error.WriteLine($"  [{program}] {e.Data}");
            }
        };
        process.BeginErrorReadLine();
        return process;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
