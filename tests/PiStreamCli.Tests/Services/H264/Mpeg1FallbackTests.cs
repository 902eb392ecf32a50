using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PiStream.Services.Encoding;
using PiStream.Services.H264;
using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.H264;

/// <summary>
/// <c>/stream/mpeg1</c>, for browsers that decode no H.264: MPEG-1 in MPEG-TS (what JSMpeg plays) from the on-demand
/// encoder while the live codec is H.264, counted as a viewer, under the same login and viewer cap as <c>/stream</c>.
/// </summary>
public sealed class Mpeg1FallbackTests
{
    private static Uri FallbackUri(TestServer server) => new($"ws://127.0.0.1:{server.Host.HttpPort}{Mpeg1FallbackEndpoints.Path}");

    [Fact]
    public async Task With_h264_live_it_carries_mpeg1_in_mpeg_ts_at_the_configured_size_and_counts_as_a_viewer()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Codec = CodecRequest.H264, Format = new(426, 240, 24) });
        var idle = await StatusAsync(server);
        Assert.False(idle.GetProperty("mpeg1Fallback").GetProperty("encoderRunning").GetBoolean());

        await using var page = await StreamClient.ConnectAsync(FallbackUri(server));
        await page.WaitForFramesAsync(30, TimeSpan.FromSeconds(30));

        Assert.Equal(new byte[] { 0x6A, 0x73, 0x6D, 0x70, 0x01, 0xAA, 0x00, 0xF0 }, page.Messages[0].Data);
        var transportStream = page.Frames.SelectMany(frame => frame.Data).ToArray();
        Assert.Equal(0x47, transportStream[0]);
        Assert.Equal(0, transportStream.Length % 188);
        var probe = await Ffprobe.RunAsync(transportStream, "-f", "mpegts", "-show_entries", "stream=codec_name,width,height", "-of", "default=noprint_wrappers=1");
        Assert.Contains("codec_name=mpeg1video", probe);
        Assert.Contains("width=426", probe);
        Assert.Contains("height=240", probe);
        Assert.Equal("I", (await Ffprobe.PictureTypesAsync(transportStream))[0]);

        var watching = await StatusAsync(server);
        Assert.Equal(1, watching.GetProperty("viewers").GetInt32());
        Assert.Equal(1, watching.GetProperty("mpeg1Fallback").GetProperty("viewers").GetInt32());
        Assert.True(watching.GetProperty("mpeg1Fallback").GetProperty("encoderRunning").GetBoolean());
        await using var h264 = await StreamClient.ConnectAsync(server.StreamUri);
        await h264.WaitForFramesAsync(1, TimeSpan.FromSeconds(20));
        Assert.Equal((byte)'h', h264.Messages[0].Data[0]);
        Assert.Equal(2, (await StatusAsync(server)).GetProperty("viewers").GetInt32());
    }

    [Fact]
    public async Task It_stops_the_mpeg1_encoder_after_the_last_page_leaves()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Codec = CodecRequest.H264 });
        var encoder = (OnDemandMpeg1Encoder)server.Host.Services.GetService(typeof(OnDemandMpeg1Encoder))!;
        await using (var page = await StreamClient.ConnectAsync(FallbackUri(server)))
        {
            await page.WaitForFramesAsync(5, TimeSpan.FromSeconds(30));
            Assert.True(encoder.IsRunning);
        }

        await WaitUntilAsync(() => !encoder.IsRunning && server.Host.Broadcaster.ViewerCount == 0);
        Assert.Equal(0, (await StatusAsync(server)).GetProperty("mpeg1Fallback").GetProperty("viewers").GetInt32());
    }

    [Fact]
    public async Task With_mpeg1_live_it_is_the_live_stream_itself()
    {
        await using var server = await TestServer.StartAsync();
        await using var page = await StreamClient.ConnectAsync(FallbackUri(server));
        await page.WaitForFramesAsync(5, TimeSpan.FromSeconds(30));

        Assert.Equal(new byte[] { 0x6A, 0x73, 0x6D, 0x70, 0x02, 0x80, 0x01, 0xE0 }, page.Messages[0].Data);
        Assert.Equal(1, server.Host.Broadcaster.ViewerCount);
        Assert.Null(server.Host.Services.GetService(typeof(OnDemandMpeg1Encoder)));
    }

    [Fact]
    public async Task It_takes_a_place_of_the_viewer_cap_and_asks_for_the_login()
    {
        var users = new UserStore(new Dictionary<string, PasswordHash> { ["viewer"] = UserStore.PlainPassword("long-secret") });
        await using var server = await TestServer.StartAsync(TestServer.Settings with
        {
            Codec = CodecRequest.H264,
            Access = AccessSettings.Open with { MaxViewers = 1, Users = users },
        });
        var login = WebSocketProbe.Login("viewer", "long-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, await WebSocketProbe.StatusAsync(FallbackUri(server)));

        await using var page = await StreamClient.ConnectAsync(FallbackUri(server), login);
        await page.WaitForFramesAsync(3, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await WebSocketProbe.StatusAsync(server.StreamUri, login));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await WebSocketProbe.StatusAsync(FallbackUri(server), login));
    }

    private static async Task<JsonElement> StatusAsync(TestServer server) => await server.Http.GetFromJsonAsync<JsonElement>("/api/status");

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }
}
