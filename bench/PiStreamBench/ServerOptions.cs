using System.Globalization;

namespace PiStream.Bench;

/// <summary>How one benchmark starts <c>pistream serve</c>: 640x480, 1 Mbit/s, MPEG-1 unless asked otherwise, on 127.0.0.1 only.</summary>
internal sealed record ServerOptions(int Framerate, string Source = "test", int DebugDelayMs = 0, bool BenchTimestamps = false, int MaxViewers = 0, string Codec = "mpeg1", int Width = 640, int Height = 480, string Bitrate = "1M")
{
    /// <summary>Variables for the server's environment (runtime settings such as <c>DOTNET_GCgen0size</c>); none when null.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>A native pistream executable (<see cref="NativeBuild"/>) instead of the JIT build; null for the JIT build.</summary>
    public string? Executable { get; init; }

    /// <summary>An external generator for <c>--source exec:</c>, so the server's CPU excludes making frames.</summary>
    public static string ExternalSource(int framerate, int width = 640, int height = 480) =>
        "exec:ffmpeg -hide_banner -loglevel error -nostdin -re -f lavfi -i " + TestSource(framerate, width, height) + " -f rawvideo -pix_fmt yuv420p pipe:1";

    /// <summary>ffmpeg's <c>testsrc</c> at a size and rate (the same pictures for pistream and the comparison relay).</summary>
    public static string TestSource(int framerate, int width, int height) =>
        $"testsrc=size={Text(width)}x{Text(height)}:rate={Text(framerate)}";

    public IReadOnlyList<string> Arguments(int port, int webSocketPort)
    {
        var arguments = new List<string>
        {
            "serve", "--bind", "127.0.0.1",
            "--port", Text(port), "--ws-port", Text(webSocketPort),
            "--source", Source, "--width", Text(Width), "--height", Text(Height),
            "--framerate", Text(Framerate), "--bitrate", Bitrate, "--codec", Codec,
        };
        if (DebugDelayMs > 0)
        {
            arguments.AddRange(["--debug-delay-ms", Text(DebugDelayMs)]);
        }

        if (MaxViewers > 0)
        {
            arguments.AddRange(["--max-viewers", Text(MaxViewers)]);
        }

        if (BenchTimestamps)
        {
            arguments.Add("--bench-timestamps");
        }

        return arguments;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
