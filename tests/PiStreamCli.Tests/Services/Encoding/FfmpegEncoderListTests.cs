using PiStream.Services.Encoding;
using Xunit;

namespace PiStream.Tests.Services.Encoding;

public sealed class FfmpegEncoderListTests
{
    [Fact]
    public async Task The_installed_ffmpeg_lists_the_encoders_pistream_uses()
    {
        var encoders = await FfmpegEncoderList.ReadAsync(FfmpegLocator.Require(), TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Contains("mpeg1video", encoders);
        Assert.Contains("libx264", encoders);
        Assert.DoesNotContain("------", encoders);
    }

    [Fact]
    public async Task An_ffmpeg_that_cannot_be_run_lists_nothing()
    {
        var encoders = await FfmpegEncoderList.ReadAsync("/nonexistent/ffmpeg", TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Empty(encoders);
    }
}
