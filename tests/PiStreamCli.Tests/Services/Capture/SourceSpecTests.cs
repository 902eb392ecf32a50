using PiStream.Services.Capture;

namespace PiStream.Tests.Services.Capture;

public sealed class SourceSpecTests
{
    [Theory]
    [InlineData("auto", (int)SourceKind.Auto, null)]
    [InlineData("test", (int)SourceKind.Test, null)]
    [InlineData("libcamera", (int)SourceKind.Libcamera, null)]
    [InlineData("libcamera:1", (int)SourceKind.Libcamera, "1")]
    [InlineData("v4l2", (int)SourceKind.V4l2, null)]
    [InlineData("v4l2:/dev/video2", (int)SourceKind.V4l2, "/dev/video2")]
    [InlineData("file:/home/pi/my clip.mp4", (int)SourceKind.File, "/home/pi/my clip.mp4")]
    [InlineData("exec:gst-launch-1.0 -q videotestsrc ! fdsink", (int)SourceKind.Exec, "gst-launch-1.0 -q videotestsrc ! fdsink")]
    public void Parses_every_documented_form(string text, int kind, string? argument)
    {
        Assert.True(SourceSpec.TryParse(text, out var spec, out _));
        Assert.Equal((SourceKind)kind, spec.Kind);
        Assert.Equal(argument, spec.Argument);
    }

    [Theory]
    [InlineData("webcam")]
    [InlineData("file:")]
    [InlineData("exec:")]
    [InlineData("libcamera:first")]
    [InlineData("v4l2:video0")]
    [InlineData("test:1")]
    public void Rejects_the_rest_naming_the_forms(string text)
    {
        Assert.False(SourceSpec.TryParse(text, out _, out var error));
        Assert.Contains(SourceSpec.Help, error);
    }
}
