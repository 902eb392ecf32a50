using System.Globalization;
using PiStream.Services.Muxing;

namespace PiStream.Services.Recording;

/// <summary>
/// The ffmpeg command line of continuous recording: the H.264 of an <see cref="H264Source"/> on stdin, copied as it
/// is (no second encode), cut at the first keyframe at or after every segment length (so each segment starts with a
/// keyframe, exactly where the last ended), into files named by start time in UTC. ffmpeg names each finished
/// segment on stdout (the segment list).
/// </summary>
internal static class SegmentArguments
{
    /// <param name="run">The run mark in the names of segments being written (<see cref="SegmentName"/>); ffmpeg must run with TZ=UTC.</param>
    public static IReadOnlyList<string> Build(SegmentSettings settings, int framerate, string run)
    {
        var seconds = settings.SegmentLength.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var arguments = new List<string> { "-hide_banner", "-loglevel", "warning", "-nostats" };
        arguments.AddRange(MuxerInput.Input(framerate));
        arguments.AddRange(MuxerInput.Copy); // explicit stream map: ffmpeg cannot guess the streams from a ".part" name
        arguments.AddRange(["-f", "segment", "-segment_time", seconds, "-segment_format", settings.Container.Muxer]);
        if (settings.Container == RecordingContainer.Mp4)
        {
            arguments.AddRange(
            [
                "-segment_format_options",
                $"movflags={RecordingContainer.FragmentedMovFlags}:frag_duration={RecordingContainer.FragmentMicroseconds.ToString(CultureInfo.InvariantCulture)}",
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
}
