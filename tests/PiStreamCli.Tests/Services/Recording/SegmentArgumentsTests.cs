using PiStream.Services.Recording;

namespace PiStream.Tests.Services.Recording;

public sealed class SegmentArgumentsTests
{
    [Fact]
    public void Segments_copy_the_h264_on_stdin_and_are_cut_at_keyframes_by_start_time()
    {
        var settings = new SegmentSettings("/rec", TimeSpan.FromMinutes(10), RetentionPolicy.KeepAll, RecordingContainer.Mp4);

        Assert.Equal(
            [
                "-hide_banner", "-loglevel", "warning", "-nostats",
                "-f", "h264", "-framerate", "30", "-probesize", "32", "-analyzeduration", "0", "-i", "pipe:0",
                "-an", "-map", "0:v:0", "-c", "copy", "-bsf:v", "setts=pts=DTS",
                "-f", "segment", "-segment_time", "600", "-segment_format", "mp4",
                "-segment_format_options", "movflags=+frag_keyframe+empty_moov+default_base_moof:frag_duration=500000",
                "-reset_timestamps", "1", "-strftime", "1", "-segment_list", "pipe:1", "-segment_list_type", "flat",
                "file:/rec/%Y-%m-%d_%H-%M-%SZ.mp4.run1.part",
            ],
            SegmentArguments.Build(settings, 30, "run1"));
    }
}
