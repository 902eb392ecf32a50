using System.Net.WebSockets;
using PiStream.Tests.Services.Pistreaming;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Pistreaming;

/// <summary>
/// <c>--ws-port</c> as pistreaming's own clients read it: the <c>jsmp</c> header, then a raw MPEG-1 video elementary
/// stream starting at a sequence header, checked with a decoder that accepts only that (<c>ffprobe -f mpegvideo</c>).
/// </summary>
public sealed class WebSocketPortTests
{
    [Fact]
    public async Task The_websocket_port_sends_the_header_then_the_elementary_stream_from_a_sequence_header()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { KeyframeInterval = 12 });
        await using var early = await StreamClient.ConnectAsync(server.WebSocketPortUri);
        await early.WaitForFramesAsync(30, TimeSpan.FromSeconds(30));
        await using var late = await StreamClient.ConnectAsync(server.WebSocketPortUri); // joins mid group of pictures
        await late.WaitForFramesAsync(30, TimeSpan.FromSeconds(30));

        foreach (var viewer in new[] { early, late })
        {
            Assert.Equal(new byte[] { 0x6A, 0x73, 0x6D, 0x70, 0x02, 0x80, 0x01, 0xE0 }, viewer.Messages[0].Data);
            var frames = viewer.Frames;
            Assert.All(frames, frame => Assert.Equal(WebSocketMessageType.Binary, frame.Type));
            var stream = frames.SelectMany(frame => frame.Data).ToArray();
            Assert.Equal(new byte[] { 0, 0, 1, 0xB3 }, stream[..4]);
            Assert.False(ElementaryStreamTests.LooksLikeTransportStream(stream), "--ws-port still sends MPEG-TS packets");

            var probed = await Ffprobe.RunAsync(stream, "-f", "mpegvideo", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height,nb_read_frames", "-of", "csv=p=0");
            Assert.Equal($"mpeg1video,640,480,{frames.Count}", probed.Trim());
        }
    }

    [Fact]
    public async Task The_page_on_the_http_port_keeps_getting_mpeg_ts()
    {
        await using var server = await TestServer.StartAsync();
        await using var viewer = await StreamClient.ConnectAsync(server.StreamUri);
        await viewer.WaitForFramesAsync(5, TimeSpan.FromSeconds(30));

        Assert.All(viewer.Frames, frame => Assert.True(frame.Data.Length % 188 == 0 && frame.Data[0] == 0x47));
    }
}
