using System.Net.Http.Json;
using System.Text.Json;
using PiStream.Services.Encoding;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.H264;

/// <summary>/stream with the H.264 codec: the header, one access unit per message, and bytes ffprobe reads as H.264.</summary>
public sealed class H264StreamTests
{
    [Theory]
    [InlineData(640, 480, 24)]
    [InlineData(426, 240, 15)]
    public async Task Messages_after_the_header_are_an_h264_stream_at_the_configured_size(int width, int height, int framerate)
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Codec = CodecRequest.Auto, Format = new(width, height, framerate), KeyframeInterval = framerate });
        await using var viewer = await StreamClient.ConnectAsync(server.StreamUri);
        await viewer.WaitForFramesAsync(framerate * 2, TimeSpan.FromSeconds(30));

        Assert.Equal([(byte)'h', (byte)'2', (byte)'6', (byte)'4', (byte)(width >> 8), (byte)width, (byte)(height >> 8), (byte)height, 0, (byte)framerate], viewer.Messages[0].Data);
        var frames = viewer.Frames;
        var stream = frames.SelectMany(frame => frame.Data).ToArray();
        var probe = await Ffprobe.RunAsync(stream, "-f", "h264", "-show_entries", "stream=codec_name,width,height", "-of", "default=noprint_wrappers=1");
        Assert.Contains("codec_name=h264", probe);
        Assert.Contains($"width={width}", probe);
        Assert.Contains($"height={height}", probe);
        var types = await Ffprobe.PictureTypesAsync(stream, "h264");
        Assert.Equal(frames.Count, types.Length);
        Assert.DoesNotContain("B", types);
        Assert.Equal("I", types[0]);
        Assert.Equal([7, 8], H264Sample.NalTypes(frames[0].Data)[..2]);
    }

    [Fact]
    public async Task A_viewer_joining_mid_stream_gets_the_parameter_sets_and_the_current_group_of_pictures()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Codec = CodecRequest.H264, KeyframeInterval = 48 });
        await using var first = await StreamClient.ConnectAsync(server.StreamUri);
        await first.WaitForFramesAsync(60, TimeSpan.FromSeconds(20));

        await using var late = await StreamClient.ConnectAsync(server.StreamUri);
        await late.WaitForFramesAsync(5, TimeSpan.FromSeconds(20));

        var frames = late.Frames;
        var firstFrame = frames[0].Data;
        Assert.Equal([7, 8], H264Sample.NalTypes(firstFrame)[..2]);
        Assert.Contains(5, H264Sample.NalTypes(firstFrame));
        var decoded = await Ffprobe.PictureTypesAsync(frames.SelectMany(f => f.Data).ToArray(), "h264");
        Assert.Equal(frames.Count, decoded.Length);
    }

    [Fact]
    public async Task The_bitrate_is_the_target_and_no_second_of_stream_carries_more_than_twice_it()
    {
        const int bitrate = 100_000, framerate = 15, seconds = 6;
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Codec = CodecRequest.H264, Format = new(640, 480, framerate), KeyframeInterval = framerate, BitrateBitsPerSecond = bitrate });
        await using var viewer = await StreamClient.ConnectAsync(server.StreamUri);
        await viewer.WaitForFramesAsync(framerate * seconds, TimeSpan.FromSeconds(40));

        var sizes = viewer.Frames.Take(framerate * seconds).Select(frame => frame.Data.Length).ToArray();
        var busiestSecond = Enumerable.Range(0, sizes.Length - framerate + 1).Max(start => sizes.AsSpan(start, framerate).ToArray().Sum());
        const int buffer = bitrate; // bits: any stretch of T seconds carries at most bitrate * T + buffer (plus Annex B start codes)
        Assert.InRange(busiestSecond, 1, (bitrate + buffer) / 8 * 1.05);
        Assert.InRange(sizes.Sum(), 0.3 * seconds * bitrate / 8, ((seconds * bitrate) + buffer) / 8 * 1.05);
    }

    [Fact]
    public async Task Status_says_which_codec_and_encoder_run()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Codec = CodecRequest.Auto });
        var status = await server.Http.GetFromJsonAsync<JsonElement>("/api/status");
        Assert.Equal("h264", status.GetProperty("codec").GetString());
        Assert.Equal("libx264", status.GetProperty("encoder").GetString());

        await using var mpeg1 = await TestServer.StartAsync();
        var mpeg1Status = await mpeg1.Http.GetFromJsonAsync<JsonElement>("/api/status");
        Assert.Equal("mpeg1", mpeg1Status.GetProperty("codec").GetString());
        Assert.Equal("mpeg1video", mpeg1Status.GetProperty("encoder").GetString());
    }

    [Fact]
    public async Task Pistreaming_clients_on_the_websocket_port_get_mpeg1_while_the_page_gets_h264()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Codec = CodecRequest.H264 });
        await using var legacy = await StreamClient.ConnectAsync(server.WebSocketPortUri);
        await legacy.WaitForFramesAsync(30, TimeSpan.FromSeconds(30));

        Assert.Equal(new byte[] { 0x6A, 0x73, 0x6D, 0x70, 0x02, 0x80, 0x01, 0xE0 }, legacy.Messages[0].Data);
        var elementary = legacy.Frames.SelectMany(frame => frame.Data).ToArray();
        Assert.Equal(new byte[] { 0, 0, 1, 0xB3 }, elementary[..4]); // pistreaming's clients start at a sequence header
        Assert.False(PiStream.Tests.Services.Pistreaming.ElementaryStreamTests.LooksLikeTransportStream(elementary), "--ws-port sends MPEG-TS packets with --codec h264");
        var probe = await Ffprobe.RunAsync(elementary, "-f", "mpegvideo", "-show_entries", "stream=codec_name,width", "-of", "default=noprint_wrappers=1");
        Assert.Contains("codec_name=mpeg1video", probe);
        await using var page = await StreamClient.ConnectAsync(server.StreamUri);
        await page.WaitForFramesAsync(1, TimeSpan.FromSeconds(20));
        Assert.Equal((byte)'h', page.Messages[0].Data[0]);
    }
}
