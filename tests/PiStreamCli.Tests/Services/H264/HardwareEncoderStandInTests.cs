using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PiStream.Services.Encoding;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.H264;

/// <summary>
/// The Pi's hardware H.264 paths run end to end in a real <c>pistream serve</c> process, with stand-ins first on PATH
/// that behave like the real tools (<see cref="HardwareStandIns"/>): <c>/stream</c> carries what ffprobe reads as H.264
/// at the configured size, status names the encoder, the encoder is chosen (or refused) by probing, and /healthz is
/// healthy although no raw frame reaches pistream with rpicam-vid.
/// </summary>
public sealed class HardwareEncoderStandInTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private readonly FakeToolDirectory _tools = new();

    [Theory]
    [InlineData("libcamera", "")]
    [InlineData("auto", " --camera 0")] // the camera --source auto found
    public async Task Rpicam_vid_encodes_the_stream_with_the_requested_size_rate_flips_and_camera_controls(string source, string camera)
    {
        HardwareStandIns.AddRpicamVid(_tools, FfmpegLocator.Require());
        _tools.Add("rpicam-hello", $"cat '{TestFixtures.Directory("rpicam/one-camera.txt")}'");
        await using var serve = await ServeAsync(
            "--source", source, "--encoder", "rpicam-vid", "--width", "480", "--height", "272", "--framerate", "25",
            "--keyframe-interval", "25", "--bitrate", "600k", "--hflip", "--shutter", "20000", "--awb", "daylight");

        var frames = await ReadStreamAsync(serve.Port, 50);

        Assert.Equal([(byte)'h', (byte)'2', (byte)'6', (byte)'4', 0x01, 0xE0, 0x01, 0x10, 0, 25], frames.Header);
        await AssertH264Async(frames.Pictures, 480, 272);
        var status = await serve.Http.GetFromJsonAsync<JsonElement>("/api/status");
        Assert.Equal("h264", status.GetProperty("codec").GetString());
        Assert.Equal("rpicam-vid", status.GetProperty("encoder").GetString());
        using var health = await serve.Http.GetAsync("/healthz");
        Assert.True(health.StatusCode == HttpStatusCode.OK, await health.Content.ReadAsStringAsync());
        var calls = await File.ReadAllLinesAsync(Path.Combine(_tools.Path, "rpicam-vid.calls"));
        var call = Assert.Single(calls); // one rpicam-vid: the encoder; no raw capture competing for the camera
        Assert.Equal(
            $"-t 0 -n --codec h264 --inline --width 480 --height 272 --framerate 25 --bitrate 600000 --intra 25 --flush{camera} --hflip --shutter 20000 --awb daylight -o -",
            call);
        Assert.Contains("rpicam-vid encodes H.264 by itself", serve.Cli.Output);

        await serve.Cli.TerminateAsync(Generous);
        Assert.Empty(serve.Cli.Children());
    }

    [Fact]
    public async Task Auto_picks_h264_v4l2m2m_when_its_trial_encode_opens_and_streams_annex_b_from_it()
    {
        HardwareStandIns.AddV4l2M2mFfmpeg(_tools, FfmpegLocator.Require());
        await using var serve = await ServeAsync("--source", "test", "--width", "640", "--height", "360", "--framerate", "30", "--keyframe-interval", "30");

        var frames = await ReadStreamAsync(serve.Port, 60);

        Assert.Equal([(byte)'h', (byte)'2', (byte)'6', (byte)'4', 0x02, 0x80, 0x01, 0x68, 0, 30], frames.Header);
        await AssertH264Async(frames.Pictures, 640, 360);
        Assert.All(frames.Pictures, picture => Assert.Equal(1, H264Sample.NalTypes(picture).Count(type => type is 1 or 5))); // one picture per message
        var status = await serve.Http.GetFromJsonAsync<JsonElement>("/api/status");
        Assert.Equal("h264", status.GetProperty("codec").GetString());
        Assert.Equal("h264_v4l2m2m", status.GetProperty("encoder").GetString());
        var calls = await File.ReadAllLinesAsync(Path.Combine(_tools.Path, "h264_v4l2m2m.calls"));
        Assert.Contains(calls, call => call.Contains("-f null", StringComparison.Ordinal)); // the trial encode
        Assert.Contains(calls, call => call.Contains("-f h264", StringComparison.Ordinal) && call.Contains("pipe:1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Asking_for_h264_v4l2m2m_where_it_does_not_open_is_refused_with_the_fix()
    {
        _tools.Add("ffmpeg", $$"""
            case " $* " in *" -f null "*) case " $* " in *" h264_v4l2m2m "*) echo "Could not find a valid device" >&2; exit 1 ;; esac ;; esac
            exec '{{FfmpegLocator.Require()}}' "$@"
            """);

        var (exitCode, _, error) = await CliProcess.RunAsync(
            ["serve", "--source", "test", "--bind", "127.0.0.1", "--port", $"{FreePorts.Free()}", "--ws-port", $"{FreePorts.Free()}", "--encoder", "h264_v4l2m2m"],
            Generous,
            StandInPath());

        Assert.Equal(3, exitCode);
        Assert.Contains("h264_v4l2m2m did not open", error);
        Assert.Contains("--encoder libx264", error);
    }

    public void Dispose() => _tools.Dispose();

    private Dictionary<string, string> StandInPath() =>
        new() { ["PATH"] = _tools.Path + ":" + System.Environment.GetEnvironmentVariable("PATH") };

    private async Task<Serve> ServeAsync(params string[] arguments)
    {
        var port = FreePorts.Free();
        var cli = CliProcess.StartWith(StandInPath(), null, ["serve", "--bind", "127.0.0.1", "--port", $"{port}", "--ws-port", $"{FreePorts.Free()}", .. arguments]);
        try
        {
            await cli.WaitForOutputAsync("Press Ctrl+C", Generous);
        }
        catch (TimeoutException)
        {
            await cli.DisposeAsync();
            throw;
        }

        return new Serve(cli, port);
    }

    private static async Task<(byte[] Header, byte[][] Pictures)> ReadStreamAsync(int port, int count)
    {
        await using var viewer = await StreamClient.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/stream"));
        await viewer.WaitForFramesAsync(count, Generous);
        return (viewer.Messages[0].Data, [.. viewer.Frames.Select(frame => frame.Data)]);
    }

    private static async Task AssertH264Async(byte[][] pictures, int width, int height)
    {
        var stream = pictures.SelectMany(picture => picture).ToArray();
        var probe = await Ffprobe.RunAsync(stream, "-f", "h264", "-show_entries", "stream=codec_name,width,height", "-of", "default=noprint_wrappers=1");
        Assert.Contains("codec_name=h264", probe);
        Assert.Contains($"width={width}", probe);
        Assert.Contains($"height={height}", probe);
        Assert.Equal([7, 8], H264Sample.NalTypes(pictures[0])[..2]); // the first message is a keyframe with its parameter sets
        Assert.Equal(pictures.Length, (await Ffprobe.PictureTypesAsync(stream, "h264")).Length);
    }

    private sealed class Serve(CliProcess cli, int port) : IAsyncDisposable
    {
        public CliProcess Cli { get; } = cli;

        public int Port { get; } = port;

        public HttpClient Http { get; } = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(15) };

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Cli.DisposeAsync();
        }
    }
}
