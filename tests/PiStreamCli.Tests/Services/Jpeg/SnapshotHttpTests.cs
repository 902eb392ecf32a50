using Microsoft.Extensions.DependencyInjection;
using PiStream.Services.Capture;
using PiStream.Services.Jpeg;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Jpeg;

/// <summary>GET /snapshot.jpg against a real serve: a valid JPEG of the newest frame, and no encoder while nobody asks.</summary>
public sealed class SnapshotHttpTests
{
    [Fact]
    public async Task A_snapshot_is_a_JPEG_of_the_newest_frame_when_asked()
    {
        await using var server = await TestServer.StartAsync();
        using var newest = new NewestStamp(server.Host.Services.GetRequiredService<RawFrameHub>(), 640);
        await newest.FirstAsync();

        for (var i = 0; i < 3; i++)
        {
            var before = newest.Value;
            using var response = await server.Http.GetAsync("snapshot.jpg");
            var jpeg = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(jpeg.Length, response.Content.Headers.ContentLength);
            Assert.True(response.Headers.CacheControl?.NoStore);
            Assert.Matches(@"^inline; filename=""pistream-\d{8}-\d{6}\.jpg""$", response.Content.Headers.ContentDisposition?.ToString());
            Assert.Equal(("mjpeg", 640, 480), await JpegDecoder.ProbeAsync(jpeg));
            var stamp = await JpegDecoder.ReadStampAsync(jpeg, 640, 480);
            Assert.True(stamp >= before, $"snapshot {i} shows the frame of {stamp}, older than the newest frame when it was asked for ({before})");
        }
    }

    [Fact]
    public async Task A_width_gives_a_smaller_snapshot_and_a_bad_one_is_400()
    {
        await using var server = await TestServer.StartAsync();

        var small = await server.Http.GetByteArrayAsync("snapshot.jpg?width=320");
        using var bad = await server.Http.GetAsync("snapshot.jpg?width=5000");

        Assert.Equal(("mjpeg", 320, 240), await JpegDecoder.ProbeAsync(small));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("width must be a whole number from 32 to 640", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task No_encoder_runs_before_a_snapshot_and_none_after_its_keep_alive()
    {
        await using var server = await TestServer.StartAsync();
        var hub = server.Host.Services.GetRequiredService<RawFrameHub>();
        var channels = server.Host.Services.GetRequiredService<JpegChannels>();
        using (var newest = new NewestStamp(hub, 640))
        {
            await newest.FirstAsync();
        }

        var idleTaps = hub.Subscribers;
        Assert.Empty(channels.All);

        await server.Http.GetByteArrayAsync("snapshot.jpg");
        Assert.True(hub.Subscribers > idleTaps, "the snapshot's encoder does not take frames");

        await WaitUntilAsync(() => hub.Subscribers == idleTaps && !channels.All.Any(channel => channel.IsRunning), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task HEAD_answers_the_headers_and_starts_no_encoder()
    {
        await using var server = await TestServer.StartAsync();
        var channels = server.Host.Services.GetRequiredService<JpegChannels>();

        using var response = await server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "snapshot.jpg"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(channels.All, channel => channel.IsRunning);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!condition())
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
