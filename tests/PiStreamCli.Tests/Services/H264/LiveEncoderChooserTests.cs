using PiStream.Services.Capture;
using PiStream.Services.Encoding;
using PiStream.Services.H264;

namespace PiStream.Tests.Services.H264;

/// <summary>Which live codec and encoder serve runs, from the options and what the machine offers.</summary>
public sealed class LiveEncoderChooserTests
{
    private static readonly EncoderAvailability Pc = new(new HashSet<string> { "libx264", "h264_v4l2m2m", "mpeg1video" }, HardwareOpens: false, HasRpicamVid: false);
    private static readonly EncoderAvailability Pi4 = new(new HashSet<string> { "libx264", "h264_v4l2m2m", "mpeg1video" }, HardwareOpens: true, HasRpicamVid: true);
    private static readonly EncoderAvailability MinimalFfmpeg = new(new HashSet<string> { "mpeg1video" }, HardwareOpens: false, HasRpicamVid: false);

    [Theory]
    [InlineData("Auto", "pc", "Test", "h264", "libx264")]
    [InlineData("Auto", "pi4", "Libcamera", "h264", "h264_v4l2m2m")]
    [InlineData("H264", "pi4", "V4l2", "h264", "h264_v4l2m2m")]
    [InlineData("Auto", "minimal", "Test", "mpeg1", "mpeg1video")]
    [InlineData("Mpeg1", "pi4", "Libcamera", "mpeg1", "mpeg1video")]
    public void Automatic_choice(string codec, string machine, string source, string expectedCodec, string expectedEncoder)
    {
        var choice = LiveEncoderChooser.Choose(Enum.Parse<CodecRequest>(codec), null, Enum.Parse<SourceKind>(source), Machine(machine));

        Assert.Equal(expectedCodec, choice.CodecName);
        Assert.Equal(expectedEncoder, choice.Encoder);
        Assert.NotEmpty(choice.Reason);
    }

    [Theory]
    [InlineData("libx264", "Test", "pi4")]
    [InlineData("rpicam-vid", "Libcamera", "pi4")]
    [InlineData("h264_v4l2m2m", "Test", "pi4")]
    [InlineData("mpeg1video", "Test", "pc")]
    public void A_named_encoder_that_works_is_used(string encoder, string source, string machine)
    {
        Assert.Equal(encoder, LiveEncoderChooser.Choose(CodecRequest.Auto, encoder, Enum.Parse<SourceKind>(source), Machine(machine)).Encoder);
    }

    [Theory]
    [InlineData("H264", null, "Test", "minimal", "--codec mpeg1")]
    [InlineData("Auto", "h264_v4l2m2m", "Test", "pc", "--encoder libx264")]
    [InlineData("Auto", "rpicam-vid", "Test", "pi4", "--source libcamera")]
    [InlineData("Auto", "rpicam-vid", "Libcamera", "pc", "apt-get install rpicam-apps")]
    [InlineData("Auto", "libx264", "Test", "minimal", "apt-get install ffmpeg")]
    [InlineData("Mpeg1", "libx264", "Test", "pc", "out --codec")]
    public void An_impossible_request_names_the_fix(string codec, string? encoder, string source, string machine, string fix)
    {
        var error = Assert.Throws<EncoderUnavailableException>(() => LiveEncoderChooser.Choose(Enum.Parse<CodecRequest>(codec), encoder, Enum.Parse<SourceKind>(source), Machine(machine)));
        Assert.Contains(fix, error.Message);
    }

    private static EncoderAvailability Machine(string name) => name switch
    {
        "pc" => Pc,
        "pi4" => Pi4,
        _ => MinimalFfmpeg,
    };
}
