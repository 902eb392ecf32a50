using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using PiStream.Testing;

namespace PiStream.Tests.Support;

/// <summary>
/// A real nginx with the RTMP module (Debian nginx-light + libnginx-mod-rtmp), unprivileged, on a free
/// 127.0.0.1 port, writing what it receives as HLS into <see cref="HlsFolder"/>. It can be killed and
/// started again on the same port, as a media server that restarts. The config is the one docs/scale-out.md shows.
/// </summary>
internal sealed class NginxRtmp : IAsyncDisposable
{
    public const string ModulePath = "/usr/lib/nginx/modules/ngx_rtmp_module.so";
    private readonly TempFolder _folder = new();
    private Process? _process;

    private NginxRtmp()
    {
        Port = FreePorts.Free();
        HlsFolder = _folder.File("hls");
        Directory.CreateDirectory(HlsFolder);
        // As root, nginx's workers run as "nobody": they must be able to reach and write the HLS folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder.Path, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(HlsFolder, (UnixFileMode)0b111_111_111);
        }
        File.WriteAllText(ConfigPath, Config(_folder.Path, Port));
    }

    public int Port { get; }

    public string HlsFolder { get; }

    public string Playlist => PlaylistOf("cam");

    public string PublishUrl => PublishUrlOf("cam");

    /// <summary>The URL to publish stream <paramref name="name"/> to; nginx writes its HLS as <see cref="PlaylistOf"/>.</summary>
    public string PublishUrlOf(string name) => $"rtmp://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/live/{name}";

    public string PlaylistOf(string name) => Path.Combine(HlsFolder, $"{name}.m3u8");

    private string ConfigPath => _folder.File("nginx.conf");

    public static string Config(string folder, int port) => $$"""
        load_module {{ModulePath}};
        daemon off;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log;
        events { worker_connections 256; }
        rtmp {
            server {
                listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                application live {
                    live on;
                    hls on;
                    hls_path {{folder}}/hls;
                    hls_fragment 1s;
                    hls_playlist_length 10s;
                }
            }
        }
        """;

    public static async Task<NginxRtmp> StartAsync()
    {
        var nginx = new NginxRtmp();
        await nginx.StartAgainAsync();
        return nginx;
    }

    /// <summary>Starts nginx (again) on the same port and waits until it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        var info = new ProcessStartInfo("nginx") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", ConfigPath, "-p", _folder.Path + "/", "-e", _folder.File("error.log") })
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"nginx exited ({_process.ExitCode}): {File.ReadAllText(_folder.File("error.log"))}");
                }

                await Task.Delay(50);
            }
        }
    }

    /// <summary>Kills nginx (all its processes) as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _folder.Dispose();
    }
}
