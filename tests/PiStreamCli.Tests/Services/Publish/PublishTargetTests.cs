using PiStream.Services.Publish;

namespace PiStream.Tests.Services.Publish;

public sealed class PublishTargetTests
{
    [Theory]
    [InlineData("rtmp://127.0.0.1:1935/live/cam", "Rtmp")]
    [InlineData("rtmps://live-api-s.facebook.com:443/rtmp/KEY", "Rtmps")]
    [InlineData("rtsp://mediamtx:8554/cam", "Rtsp")]
    [InlineData("srt://mediamtx:8890?streamid=publish:cam&pkt_size=1316", "Srt")]
    public void Each_supported_scheme_is_accepted(string url, string scheme)
    {
        Assert.True(PublishTarget.TryParse(url, out var target, out var error), error);
        Assert.Equal(new PublishTarget(url, Enum.Parse<PublishScheme>(scheme)), target);
    }

    [Theory]
    [InlineData("http://server/live/cam", "uses http://")]
    [InlineData("ftp://server/x", "uses ftp://")]
    [InlineData("server/live/cam", "is not a URL")]
    [InlineData("", "is not a URL")]
    [InlineData("rtmp://server", "no application and stream name")]
    [InlineData("rtmp://server/", "no application and stream name")]
    [InlineData("srt://server?streamid=x", "has no port")]
    [InlineData("rtmp://server/live/my cam", "is not a URL")]
    public void Anything_else_is_refused_naming_the_fix(string url, string problem)
    {
        Assert.False(PublishTarget.TryParse(url, out var target, out var error));
        Assert.Null(target);
        Assert.Contains(problem, error);
        Assert.Matches("use (e\\.g\\. )?(rtmp|rtsp|srt)s?://", error);
    }

    [Fact]
    public void A_refused_url_does_not_repeat_its_secret()
    {
        Assert.False(PublishTarget.TryParse("https://user:hunter2@server/live/cam?token=abc123", out _, out var error));

        Assert.DoesNotContain("hunter2", error);
        Assert.DoesNotContain("abc123", error);
        Assert.Contains("user:***@server", error);
    }

    [Theory]
    [InlineData("rtmp://user:secret@127.0.0.1/live/cam", "rtmp://user:***@127.0.0.1/live/***")]
    [InlineData("rtmp://a.rtmp.youtube.com/live2/abcd-efgh-ijkl-mnop", "rtmp://a.rtmp.youtube.com/live2/***")]
    [InlineData("rtsp://admin:pa55@cam.local:8554/cam", "rtsp://admin:***@cam.local:8554/cam")]
    [InlineData("srt://server:8890?streamid=publish:cam&passphrase=longsecret1", "srt://server:8890?streamid=publish:cam&passphrase=***")]
    public void The_url_shown_anywhere_is_masked(string url, string masked)
    {
        Assert.True(PublishTarget.TryParse(url, out var target, out _));

        Assert.Equal(masked, target!.MaskedUrl);
        Assert.Equal(masked, target.ToString());
    }
}
