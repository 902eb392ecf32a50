using PiStream.Services.Capture;
using PiStream.Services.Encoding;
using PiStream.Services.H264;

namespace PiStream.Tests.Services.H264;

public sealed class H264EncoderArgumentsTests
{
    private static readonly EncoderSettings Settings = new(new VideoFormat(640, 480, 30), 800_000, 60);

    [Fact]
    public void Libx264_has_no_b_frames_no_lookahead_fixed_keyframes_and_a_bounded_buffer_in_flv()
    {
        Assert.Equal(
            "-hide_banner -loglevel warning -nostats -f rawvideo -pix_fmt yuv420p -video_size 640x480 -framerate 30 -i pipe:0 -an " +
            "-c:v libx264 -preset superfast -tune zerolatency -bf 0 -g 60 -keyint_min 60 -sc_threshold 0 " +
            "-b:v 800000 -maxrate 800000 -bufsize 800000 -pix_fmt yuv420p -f flv -flvflags no_duration_filesize -flush_packets 1 pipe:1",
            string.Join(' ', H264EncoderArguments.LibX264(Settings)));
    }

    [Fact]
    public void The_hardware_encoder_writes_raw_annex_b_with_the_bitrate_and_keyframe_interval()
    {
        var arguments = H264EncoderArguments.V4l2M2m(Settings with { HorizontalFlip = true }).ToList();

        Assert.Equal("h264_v4l2m2m", arguments[arguments.IndexOf("-c:v") + 1]);
        Assert.Equal("800000", arguments[arguments.IndexOf("-b:v") + 1]);
        Assert.Equal("60", arguments[arguments.IndexOf("-g") + 1]);
        Assert.Equal("hflip", arguments[arguments.IndexOf("-vf") + 1]);
        Assert.Equal(["-f", "h264", "-flush_packets", "1", "pipe:1"], arguments[^5..]);
    }

    [Fact]
    public void Rpicam_vid_encodes_h264_inline_with_the_camera_and_flips()
    {
        Assert.Equal(
            "-t 0 -n --codec h264 --inline --width 640 --height 480 --framerate 30 --bitrate 800000 --intra 60 --flush --camera 1 --hflip --vflip -o -",
            string.Join(' ', RpicamH264Arguments.Build(Settings with { HorizontalFlip = true, VerticalFlip = true }, "1")));
    }
}
