using System.Globalization;
using Microsoft.Extensions.Logging;
using PiStream.Services.Processes;
using PiStream.Services.Secrets;

namespace PiStream.Services.Capture;

/// <summary>
/// Builds the capture source for a resolved (non-auto) <see cref="SourceSpec"/>. Flips are applied
/// where they are cheapest: by the camera for libcamera and by the decoding ffmpeg for v4l2 and file
/// sources; for the test pattern and exec: sources <see cref="ICaptureSource.AppliesFlips"/> is false
/// and the encoder flips instead.
/// </summary>
internal sealed class CaptureSourceFactory(string ffmpegPath, ILoggerFactory loggerFactory, TimeProvider time)
{
    /// <summary>rpicam-vid pads each luma row of raw output to this many bytes.</summary>
    public const int LibcameraRowAlignment = 64;

    public ICaptureSource Create(CaptureSettings settings)
    {
        var format = settings.Format;
        var logger = loggerFactory.CreateLogger<ProcessCaptureSource>();
        var tight = PlaneLayout.Tight(format.Width, format.Height);
        switch (settings.Source.Kind)
        {
            case SourceKind.Test:
                return new TestPatternSource(format, time);
            case SourceKind.Libcamera:
                var tool = ExecutableFinder.FindFirst("rpicam-vid", "libcamera-vid")
                    ?? throw new CaptureUnavailableException("rpicam-vid not found — install it with: sudo apt-get install rpicam-apps (or use --source test).");
                return new ProcessCaptureSource(
                    $"libcamera camera {settings.Source.Argument ?? "0"}",
                    tool,
                    LibcameraArguments(settings),
                    PlaneLayout.Aligned(format.Width, format.Height, LibcameraRowAlignment),
                    logger,
                    LogLevel.Debug,
                    appliesFlips: true);
            case SourceKind.V4l2:
                var device = settings.Source.Argument ?? "/dev/video0";
                if (!File.Exists(device))
                {
                    throw new CaptureUnavailableException($"{device} does not exist. List cameras with 'pistream probe', or use --source test.");
                }

                return new ProcessCaptureSource($"V4L2 camera {device}", ffmpegPath, V4l2Arguments(settings, device), tight, logger, appliesFlips: true);
            case SourceKind.File:
                var path = settings.Source.Argument!;
                if (!File.Exists(path))
                {
                    throw new CaptureUnavailableException($"Video file not found: {path}. Give an existing file with --source file:PATH.");
                }

                return new ProcessCaptureSource($"file {Path.GetFileName(path)}", ffmpegPath, FileArguments(settings, path), tight, logger, appliesFlips: true);
            case SourceKind.Exec:
                return new ProcessCaptureSource($"exec: {SecretMasker.Hide(settings.Source.Argument)}", "/bin/sh", ["-c", settings.Source.Argument!], tight, logger);
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Source.Kind, "Resolve --source auto before creating the source.");
        }
    }

    /// <summary>rpicam-vid writing raw yuv420 to stdout, forever, without preview, flushed per frame.</summary>
    public static IReadOnlyList<string> LibcameraArguments(CaptureSettings settings)
    {
        var format = settings.Format;
        var arguments = new List<string>
        {
            "-t", "0", "-n", "--codec", "yuv420",
            "--width", Text(format.Width), "--height", Text(format.Height), "--framerate", Text(format.Framerate),
            "--flush",
        };
        if (settings.Source.Argument is { } camera)
        {
            arguments.AddRange(["--camera", camera]);
        }

        if (settings.HorizontalFlip)
        {
            arguments.Add("--hflip");
        }

        if (settings.VerticalFlip)
        {
            arguments.Add("--vflip");
        }

        arguments.AddRange(settings.Controls.LibcameraArguments());
        arguments.AddRange(["-o", "-"]);
        return arguments;
    }

    public static IReadOnlyList<string> V4l2Arguments(CaptureSettings settings, string device)
    {
        var format = settings.Format;
        return
        [
            "-hide_banner", "-loglevel", "error", "-nostdin",
            "-f", "v4l2", "-framerate", Text(format.Framerate), "-video_size", $"{format.Width}x{format.Height}", "-i", device,
            .. RawOutput(settings),
        ];
    }

    public static IReadOnlyList<string> FileArguments(CaptureSettings settings, string path) =>
    [
        "-hide_banner", "-loglevel", "error", "-nostdin",
        "-re", "-stream_loop", "-1", "-i", path,
        .. RawOutput(settings),
    ];

    private static IEnumerable<string> RawOutput(CaptureSettings settings)
    {
        var format = settings.Format;
        var filters = string.Join(',', [$"scale={format.Width}:{format.Height}", $"fps={Text(format.Framerate)}", .. FlipFilter.Names(settings.HorizontalFlip, settings.VerticalFlip)]);
        return ["-an", "-vf", filters, "-pix_fmt", "yuv420p", "-f", "rawvideo", "pipe:1"];
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
