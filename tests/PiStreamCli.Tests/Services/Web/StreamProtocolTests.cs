using System.Net.WebSockets;
using PiStream.Services.Hosting;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Web;

/// <summary>What a WebSocket viewer receives: pistreaming's header, then decodable MPEG-1 in MPEG-TS, one frame per message.</summary>
public sealed class StreamProtocolTests
{
    [Fact]
    public async Task First_message_is_the_jsmp_header_on_both_websocket_addresses()
    {
        await using var server = await TestServer.StartAsync();
        foreach (var uri in new[] { server.StreamUri, server.WebSocketPortUri })
        {
            await using var viewer = await StreamClient.ConnectAsync(uri);
            await viewer.WaitForFramesAsync(1, TimeSpan.FromSeconds(20));
            var header = viewer.Messages[0];
            Assert.Equal(WebSocketMessageType.Binary, header.Type);
            Assert.Equal(new byte[] { 0x6A, 0x73, 0x6D, 0x70, 0x02, 0x80, 0x01, 0xE0 }, header.Data);
        }
    }

    [Fact]
    public async Task Header_carries_the_configured_size()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Format = new(320, 240, 24) });
        await using var viewer = await StreamClient.ConnectAsync(server.StreamUri);
        await viewer.WaitForFramesAsync(1, TimeSpan.FromSeconds(20));
        Assert.Equal(new byte[] { 0x6A, 0x73, 0x6D, 0x70, 0x01, 0x40, 0x00, 0xF0 }, viewer.Messages[0].Data);
    }

    [Theory]
    [InlineData(640, 480, 24)]
    [InlineData(426, 240, 15)]
    public async Task Received_bytes_decode_as_mpeg1video_at_the_configured_size(int width, int height, int framerate)
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Format = new(width, height, framerate), KeyframeInterval = framerate });
        await using var viewer = await StreamClient.ConnectAsync(server.StreamUri);
        await viewer.WaitForFramesAsync(framerate * 2, TimeSpan.FromSeconds(30));

        var frames = viewer.Frames;
        Assert.All(frames, frame => Assert.True(frame.Data.Length % 188 == 0 && frame.Data[0] == 0x47, "each message is whole TS packets"));
        var probe = await Ffprobe.RunAsync(frames.SelectMany(frame => frame.Data).ToArray(), "-show_entries", "stream=codec_name,width,height", "-of", "default=noprint_wrappers=1");
        Assert.Contains("codec_name=mpeg1video", probe);
        Assert.Contains($"width={width}", probe);
        Assert.Contains($"height={height}", probe);

        var types = await Ffprobe.PictureTypesAsync(frames.SelectMany(frame => frame.Data).ToArray());
        Assert.DoesNotContain("B", types);
        Assert.Equal(frames.Count, types.Length);
    }

    [Fact]
    public async Task A_viewer_joining_mid_stream_starts_with_a_keyframe()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { KeyframeInterval = 48 });
        await using var first = await StreamClient.ConnectAsync(server.StreamUri);
        await first.WaitForFramesAsync(60, TimeSpan.FromSeconds(20));

        await using var late = await StreamClient.ConnectAsync(server.StreamUri);
        await late.WaitForFramesAsync(5, TimeSpan.FromSeconds(10));

        var types = await Ffprobe.PictureTypesAsync(late.Frames[0].Data);
        Assert.Equal(["I"], types);
        var whole = await Ffprobe.PictureTypesAsync(late.Frames.SelectMany(frame => frame.Data).ToArray());
        Assert.Equal("I", whole[0]);
        Assert.True(whole.Length >= 5);
    }
}
