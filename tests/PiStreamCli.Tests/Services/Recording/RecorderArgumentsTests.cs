using PiStream.Services.Capture;
using PiStream.Services.Recording;
using Xunit;

namespace PiStream.Tests.Services.Recording;

public sealed class RecorderArgumentsTests
{
    private static readonly VideoFormat Vga = new(640, 480, 24);

    [Fact]
    public void Encodes_raw_frames_to_fragmented_mp4_with_a_keyframe_every_second()
    {
        var settings = new RecorderSettings("/rec/my clip.mp4", RecordingContainer.Mp4, "libx264", Vga, TimeSpan.FromSeconds(5));

        Assert.Equal(
            [
                "-hide_banner", "-loglevel", "warning", "-nostats",
                "-f", "rawvideo", "-pix_fmt", "yuv420p", "-video_size", "640x480", "-framerate", "24",
                "-i", "pipe:0", "-an", "-map", "0:v:0",
                "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-crf", "23", "-g", "24", "-pix_fmt", "yuv420p",
                "-t", "5",
                "-flush_packets", "1", "-movflags", "+frag_keyframe+empty_moov+default_base_moof", "-frag_duration", "500000", "-f", "mp4",
                "-progress", "pipe:1", "-stats_period", "0.5", "-y", "file:/rec/my clip.mp4",
            ],
            RecorderArguments.Build(settings));
    }

    [Fact]
    public void Copies_a_serve_stream_into_mpegts_without_re_encoding_and_without_a_limit()
    {
        var settings = new RecorderSettings("/rec/live.ts", RecordingContainer.Ts, RecorderSettings.Copy, null, null);

        Assert.Equal(
            [
                "-hide_banner", "-loglevel", "warning", "-nostats",
                "-f", "mpegts", "-i", "pipe:0", "-an", "-map", "0:v:0",
                "-c:v", "copy",
                "-flush_packets", "1", "-f", "mpegts",
                "-progress", "pipe:1", "-stats_period", "0.5", "-y", "file:/rec/live.ts",
            ],
            RecorderArguments.Build(settings));
    }

    [Fact]
    public void Forces_a_keyframe_each_second_when_the_stream_rate_is_unknown()
    {
        var settings = new RecorderSettings("/rec/live.mp4", RecordingContainer.Mp4, "libx264", null, TimeSpan.FromSeconds(2.5));

        var arguments = RecorderArguments.Build(settings);

        Assert.Equal("expr:gte(t,n_forced*1)", After(arguments, "-force_key_frames"));
        Assert.DoesNotContain("-g", arguments);
        Assert.Equal("2.5", After(arguments, "-t"));
    }

    [Fact]
    public void Flips_when_asked_and_gives_the_hardware_encoder_a_bitrate()
    {
        var settings = new RecorderSettings("/rec/a.mkv", RecordingContainer.Mkv, "h264_v4l2m2m", Vga, null, HorizontalFlip: true, VerticalFlip: true);

        var arguments = RecorderArguments.Build(settings);

        Assert.Equal("hflip,vflip", After(arguments, "-vf"));
        Assert.Equal("h264_v4l2m2m", After(arguments, "-c:v"));
        Assert.Equal("1000000", After(arguments, "-b:v"));
        Assert.Equal("matroska", After(arguments, "-f", last: true));
        Assert.DoesNotContain("-movflags", arguments);
        Assert.DoesNotContain("-t", arguments);
    }

    [Fact]
    public void Passes_a_path_starting_with_a_dash_as_a_file()
    {
        Assert.Equal("file:" + Path.GetFullPath("-odd:name.ts"), RecorderArguments.FileArgument("-odd:name.ts"));
    }

    private static string After(IReadOnlyList<string> arguments, string name, bool last = false)
    {
        var index = last ? arguments.ToList().LastIndexOf(name) : arguments.ToList().IndexOf(name);
        Assert.True(index >= 0, $"{name} missing");
        return arguments[index + 1];
    }
}
