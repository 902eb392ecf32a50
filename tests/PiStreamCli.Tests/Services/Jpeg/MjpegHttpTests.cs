using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PiStream.Services.Capture;
using PiStream.Services.Jpeg;
using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Jpeg;

/// <summary>GET /stream.mjpg against a real serve, read by the real ffmpeg (its mpjpeg demuxer, as VLC and Home Assistant read it).</summary>
public sealed class MjpegHttpTests
{
    [Fact]
    public async Task Ffmpeg_reads_consecutive_pictures_of_the_live_stream()
    {
        await using var server = await TestServer.StartAsync();

        var stamps = await ReadStampsWithFfmpegAsync(new Uri(server.Http.BaseAddress!, "stream.mjpg"), 12, 640, 480);

        Assert.Equal(12, stamps.Count);
        Assert.Equal(stamps.Order(), stamps);
        Assert.Equal(stamps.Count, stamps.Distinct().Count());
    }

    [Fact]
    public async Task The_stream_is_multipart_with_its_boundary_and_a_client_counts_in_status_and_against_max_viewers()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Access = AccessSettings.Open with { MaxViewers = 1 } });

        using var first = await server.Http.GetAsync("stream.mjpg?width=320&fps=5", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("multipart/x-mixed-replace; boundary=pistream-frame", first.Content.Headers.ContentType?.ToString());
        var body = await first.Content.ReadAsStreamAsync();
        var head = new byte[64];
        await body.ReadAtLeastAsync(head, head.Length);
        Assert.StartsWith("--pistream-frame\r\nContent-Type: image/jpeg\r\nContent-Length: ", System.Text.Encoding.ASCII.GetString(head));

        using var status = JsonDocument.Parse(await server.Http.GetStringAsync("api/status"));
        var mjpeg = status.RootElement.GetProperty("mjpeg");
        Assert.Equal(1, mjpeg.GetProperty("viewers").GetInt32());
        var client = mjpeg.GetProperty("clients")[0];
        Assert.Equal(320, client.GetProperty("width").GetInt32());
        Assert.Equal(5, client.GetProperty("fps").GetDouble());

        using var second = await server.Http.GetAsync("stream.mjpg");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal("Viewer limit reached (1): raise --max-viewers on the server, or try again later.\n", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task No_encoding_while_no_client_is_connected()
    {
        await using var server = await TestServer.StartAsync();
        var channels = server.Host.Services.GetRequiredService<JpegChannels>();
        var hub = server.Host.Services.GetRequiredService<RawFrameHub>();
        using (var newest = new NewestStamp(hub, 640))
        {
            await newest.FirstAsync();
        }

        var idleTaps = hub.Subscribers;
        using (var response = await server.Http.GetAsync("stream.mjpg", HttpCompletionOption.ResponseHeadersRead))
        {
            var body = await response.Content.ReadAsStreamAsync();
            await body.ReadAtLeastAsync(new byte[4096], 4096);
            Assert.Contains(channels.All, channel => channel.IsRunning);
        }

        await SnapshotHttpTests.WaitUntilAsync(() => hub.Subscribers == idleTaps && !channels.All.Any(channel => channel.IsRunning), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Three_clients_of_one_size_share_one_encode_per_frame()
    {
        await using var server = await TestServer.StartAsync();
        var hub = server.Host.Services.GetRequiredService<RawFrameHub>();
        using (var newest = new NewestStamp(hub, 640))
        {
            await newest.FirstAsync();
        }

        var idleTaps = hub.Subscribers;
        var clients = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var response = await server.Http.GetAsync("stream.mjpg", HttpCompletionOption.ResponseHeadersRead);
                clients.Add(response);
                await (await response.Content.ReadAsStreamAsync()).ReadAtLeastAsync(new byte[4096], 4096);
            }

            // Each JPEG encoder takes the raw frames through its own tap on the hub: one tap, one encode per frame.
            Assert.Equal(idleTaps + 1, hub.Subscribers);
            Assert.Single(server.Host.Services.GetRequiredService<JpegChannels>().All, channel => channel.IsRunning);
            Assert.All(server.Host.Services.GetRequiredService<JpegChannels>().All, channel => Assert.Equal(3, channel.Clients.Count));
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    [Fact]
    public async Task A_bad_fps_is_400_naming_the_range()
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.Http.GetAsync("stream.mjpg?fps=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("fps must be a number from 0.1 to 24", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Runs <c>ffmpeg -f mpjpeg -i URL</c> for <paramref name="count"/> pictures and reads the frame stamp of each.</summary>
    internal static async Task<List<long>> ReadStampsWithFfmpegAsync(Uri url, int count, int width, int height)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-v", "error", "-nostdin", "-f", "mpjpeg", "-i", url.ToString(), "-frames:v", $"{count}", "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var stamps = new List<long>();
        var luma = new byte[width * height];
        while (await process.StandardOutput.BaseStream.ReadAtLeastAsync(luma, luma.Length, throwOnEndOfStream: false) == luma.Length)
        {
            Assert.True(FrameStamp.TryRead(luma, width, out var stamp), $"picture {stamps.Count} has no readable stamp");
            stamps.Add(stamp);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"ffmpeg could not read {url}: {await errors}");
        return stamps;
    }
}
