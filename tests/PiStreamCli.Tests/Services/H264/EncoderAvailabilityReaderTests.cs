using PiStream.Services.H264;

namespace PiStream.Tests.Services.H264;

/// <summary>What the machine offers, read from fake ffmpeg and rpicam-vid programs answering with captured output.</summary>
public sealed class EncoderAvailabilityReaderTests
{
    [Theory]
    [InlineData("encoders-debian12.txt", 0, true, true)]
    [InlineData("encoders-debian12.txt", 1, true, false)]
    [InlineData("encoders-without-libx264.txt", 0, false, true)]
    public async Task The_hardware_encoder_counts_only_when_a_trial_encode_opens_it(string fixture, int trialExitCode, bool libx264, bool hardware)
    {
        using var tools = new FakeToolDirectory();
        tools.Add("ffmpeg", $$"""
            if [ "$2" = "-encoders" ]; then cat '{{TestFixtures.Directory("ffmpeg/" + fixture)}}'; exit 0; fi
            echo "$@" >> '{{tools.Path}}/trials'
            exit {{trialExitCode}}
            """);
        tools.Add("rpicam-vid", "exit 0");

        var available = await EncoderAvailabilityReader.ReadAsync(Path.Combine(tools.Path, "ffmpeg"), tools.Path, CancellationToken.None);

        Assert.Equal(libx264, available.FfmpegEncoders.Contains("libx264"));
        Assert.Contains("mpeg1video", available.FfmpegEncoders);
        Assert.Equal(hardware, available.HardwareOpens);
        Assert.True(available.HasRpicamVid);
        Assert.Contains("-c:v h264_v4l2m2m", await File.ReadAllTextAsync(Path.Combine(tools.Path, "trials")));
    }

    [Fact]
    public async Task Without_rpicam_vid_and_without_a_listed_hardware_encoder_nothing_is_tried()
    {
        using var tools = new FakeToolDirectory();
        tools.Add("ffmpeg", $$"""
            if [ "$2" = "-encoders" ]; then grep -v v4l2m2m '{{TestFixtures.Directory("ffmpeg/encoders-debian12.txt")}}'; exit 0; fi
            touch '{{tools.Path}}/tried'
            exit 0
            """);

        var available = await EncoderAvailabilityReader.ReadAsync(Path.Combine(tools.Path, "ffmpeg"), tools.Path, CancellationToken.None);

        Assert.False(available.HardwareOpens);
        Assert.False(available.HasRpicamVid);
        Assert.False(File.Exists(Path.Combine(tools.Path, "tried")));
    }
}
