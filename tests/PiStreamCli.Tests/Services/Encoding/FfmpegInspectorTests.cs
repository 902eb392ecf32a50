using PiStream.Services.Encoding;
using PiStream.Tests;
using Xunit;

namespace PiStream.Tests.Services.Encoding;

public sealed class FfmpegInspectorTests
{
    [Fact]
    public async Task Real_ffmpeg_has_a_version_and_mpeg1video()
    {
        var info = await new FfmpegInspector(TimeSpan.FromSeconds(30)).InspectAsync(CancellationToken.None);

        Assert.True(info.Found);
        Assert.Matches(@"^\d+\.\d+", info.Version);
        Assert.True(info.Has("mpeg1video"));
        Assert.Equal(FfmpegInspector.EncodersThatMatter, info.Encoders.Keys);
    }

    [Fact]
    public async Task No_ffmpeg_on_the_path_is_not_found()
    {
        using var empty = new FakeToolDirectory();

        var info = await new FfmpegInspector(TimeSpan.FromSeconds(30), empty.Path).InspectAsync(CancellationToken.None);

        Assert.False(info.Found);
        Assert.Null(info.Version);
        Assert.All(info.Encoders.Values, Assert.False);
    }
}
