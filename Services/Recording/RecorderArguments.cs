using System.Globalization;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;

namespace PiStream.Services.Recording;

/// <summary>
/// The ffmpeg command line of a recording: raw yuv420p frames (or a serve's MPEG-TS stream) on stdin, the
/// file written packet by packet (MP4 fragmented every half second) so a crash keeps all but the last
/// moments, and machine-readable progress on stdout.
/// </summary>
internal static class RecorderArguments
{
    public static IReadOnlyList<string> Build(RecorderSettings settings)
    {
        var arguments = new List<string> { "-hide_banner", "-loglevel", "warning", "-nostats" };
        if (settings.RawInput is { } format)
        {
            arguments.AddRange(
            [
                "-f", "rawvideo", "-pix_fmt", "yuv420p",
                "-video_size", $"{Text(format.Width)}x{Text(format.Height)}",
                "-framerate", Text(format.Framerate),
            ]);
        }
        else
        {
            arguments.AddRange(["-f", "mpegts"]);
        }

        arguments.AddRange(["-i", "pipe:0", "-an", "-map", "0:v:0"]);
        if (settings.IsCopy)
        {
            arguments.AddRange(["-c:v", RecorderSettings.Copy]);
        }
        else
        {
            arguments.AddRange(FlipFilter.Arguments(settings.HorizontalFlip, settings.VerticalFlip));
            arguments.AddRange(H264Encoders.Options(settings.Codec, settings.RawInput));
        }

        if (settings.Duration is { } duration)
        {
            arguments.AddRange(["-t", duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)]);
        }

        arguments.AddRange(MuxerOptions(settings.Container));
        arguments.AddRange(["-progress", "pipe:1", "-stats_period", "0.5", "-y", FileArgument(settings.OutputPath)]);
        return arguments;
    }

    /// <summary>Muxer options that make <paramref name="container"/> crash-safe and written as packets arrive.</summary>
    public static IReadOnlyList<string> MuxerOptions(RecordingContainer container)
    {
        var options = new List<string> { "-flush_packets", "1" };
        if (container == RecordingContainer.Mp4)
        {
            options.AddRange(["-movflags", RecordingContainer.FragmentedMovFlags, "-frag_duration", Text(RecordingContainer.FragmentMicroseconds)]);
        }

        options.AddRange(["-f", container.Muxer]);
        return options;
    }

    /// <summary>A path ffmpeg takes literally, even when it starts with '-' or contains ':'.</summary>
    public static string FileArgument(string path) => "file:" + Path.GetFullPath(path);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
