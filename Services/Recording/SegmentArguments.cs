using System.Globalization;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;

namespace PiStream.Services.Recording;

/// <summary>
/// The ffmpeg command line of continuous recording: raw yuv420p frames on stdin, H.264 with a keyframe
/// forced at every segment boundary (so each segment starts exactly where the last ended), cut into
/// files named by start time in UTC. ffmpeg names each finished segment on stdout (the segment list).
/// </summary>
internal static class SegmentArguments
{
    /// <param name="run">The run mark in the names of segments being written (<see cref="SegmentName"/>); ffmpeg must run with TZ=UTC.</param>
    public static IReadOnlyList<string> Build(SegmentSettings settings, VideoFormat format, string codec, bool horizontalFlip, bool verticalFlip, string run)
    {
        var seconds = settings.SegmentLength.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var arguments = new List<string>
        {
            "-hide_banner", "-loglevel", "warning", "-nostats",
            "-f", "rawvideo", "-pix_fmt", "yuv420p",
            "-video_size", $"{Text(format.Width)}x{Text(format.Height)}",
            "-framerate", Text(format.Framerate),
            "-i", "pipe:0", "-an", "-map", "0:v:0", // explicit: ffmpeg cannot guess the streams from a ".part" name
        };
        arguments.AddRange(FlipFilter.Arguments(horizontalFlip, verticalFlip));

        arguments.AddRange(H264Encoders.Options(codec, format));
        arguments.AddRange(["-force_key_frames", $"expr:gte(t,n_forced*{seconds})"]);
        arguments.AddRange(["-f", "segment", "-segment_time", seconds, "-segment_format", settings.Container.Muxer]);
        if (settings.Container == RecordingContainer.Mp4)
        {
            arguments.AddRange(
            [
                "-segment_format_options",
                $"movflags={RecordingContainer.FragmentedMovFlags}:frag_duration={Text(RecordingContainer.FragmentMicroseconds)}",
            ]);
        }

        arguments.AddRange(
        [
            "-reset_timestamps", "1", "-strftime", "1",
            "-segment_list", "pipe:1", "-segment_list_type", "flat",
            RecorderArguments.FileArgument(Path.Combine(settings.Folder, SegmentName.InProgressPattern(settings.Container, run))),
        ]);
        return arguments;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
