using PiStream.Services.Secrets;

namespace PiStream.Tests.Services.Secrets;

/// <summary>Credentials in URLs and command lines are masked; everything else is left as it was.</summary>
public sealed class SecretMaskerTests
{
    [Theory]
    [InlineData("rtsp://admin:hunter2@192.168.1.9:554/stream1", "rtsp://admin:***@192.168.1.9:554/stream1")]
    [InlineData("ffmpeg -rtsp_transport tcp -i rtsp://cam:p%40ss@cam.lan/h264 -f rawvideo -", "ffmpeg -rtsp_transport tcp -i rtsp://cam:***@cam.lan/h264 -f rawvideo -")]
    [InlineData("http://user:pa@ss@host/x", "http://user:***@host/x")]
    [InlineData("srt://relay:9000?mode=caller&passphrase=verysecret123&latency=200", "srt://relay:9000?mode=caller&passphrase=***&latency=200")]
    [InlineData("rtmp://a.rtmp.youtube.com/live2/abcd-efgh-ijkl-mnop", "rtmp://a.rtmp.youtube.com/live2/***")]
    [InlineData("-f flv rtmps://live-api-s.facebook.com:443/rtmp/FB-123-0-Ab?s_bl=1", "-f flv rtmps://live-api-s.facebook.com:443/rtmp/***?s_bl=1")]
    [InlineData("https://example.com/hook?token=abc123&x=1", "https://example.com/hook?token=***&x=1")]
    [InlineData("ffmpeg -headers 'Authorization: Basic dXNlcjpwYXNz' -i http://cam/mjpg", "ffmpeg -headers 'Authorization: Basic ***' -i http://cam/mjpg")]
    [InlineData("mycam --password s3cret --user bob", "mycam --password *** --user bob")]
    [InlineData("mycam --token=abc def", "mycam --token=*** def")]
    [InlineData("rtsp://admin:hunter2@a/1 and rtsp://root:toor@b/2", "rtsp://admin:***@a/1 and rtsp://root:***@b/2")]
    public void Credentials_are_masked(string text, string expected)
    {
        Assert.Equal(expected, SecretMasker.Hide(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("test")]
    [InlineData("ffmpeg -f v4l2 -i /dev/video0 -pix_fmt yuv420p -")]
    [InlineData("rtsp://192.168.1.9:554/stream1")]
    [InlineData("http://[::1]:8082/index.html")]
    [InlineData("rtmp://host/live")]
    [InlineData("gst-launch-1.0 -q videotestsrc ! video/x-raw,width=640 ! fdsink")]
    [InlineData("Input #0, rawvideo, from 'pipe:0': time=00:00:01.00 bitrate=1000kbits/s")]
    public void Text_without_credentials_stays_as_it_is(string text)
    {
        Assert.Equal(text, SecretMasker.Hide(text));
    }
}
