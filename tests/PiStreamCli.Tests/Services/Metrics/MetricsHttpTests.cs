using System.Net;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Metrics;

/// <summary>GET /metrics against a real serve, read by a real Prometheus text parser.</summary>
[Collection(ReadsProcessWideMetrics.Name)]
public sealed class MetricsHttpTests
{
    private static readonly (string Name, string Type)[] Required =
    [
        ("pistream_frames_encoded", "counter"),
        ("pistream_encoded_bytes", "counter"),
        ("pistream_viewer_sent_bytes", "counter"),
        ("pistream_viewers", "gauge"),
        ("pistream_viewer_frames_skipped", "counter"),
        ("pistream_viewer_closed_slow", "counter"),
        ("pistream_encoder_restarts", "counter"),
        ("pistream_capture_fps", "gauge"),
        ("pistream_capture_frames", "counter"),
        ("pistream_jpeg_encode_duration_seconds", "histogram"),
        ("pistream_encode_latency_seconds", "histogram"),
        ("pistream_jpeg_frames_encoded", "counter"),
        ("pistream_pantilt_moves", "counter"),
        ("pistream_logins_failed", "counter"),
        ("dotnet_process_cpu_time_seconds", "counter"),
        ("dotnet_process_memory_working_set_bytes", "gauge"),
        ("dotnet_gc_collections", "counter"),
    ];

    [Fact]
    public async Task The_required_families_are_there_and_they_move_with_the_stream()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { PanTilt = TestServer.Settings.PanTilt with { Mode = PiStream.Services.PanTilt.PanTiltMode.Sim } });
        using (var response = await server.Http.GetAsync("stream.mjpg", HttpCompletionOption.ResponseHeadersRead))
        {
            await (await response.Content.ReadAsStreamAsync()).ReadAtLeastAsync(new byte[64 * 1024], 64 * 1024);
            var during = await ScrapeAsync(server);
            Assert.Equal(1, during["pistream_viewers"].Sum("mjpeg"));
        }

        await server.Http.GetStringAsync("do_orient?pan=10&tilt=5");
        await SnapshotWaitAsync(server);
        var first = await ScrapeAsync(server);
        await Task.Delay(500);
        var second = await ScrapeAsync(server);

        foreach (var (name, type) in Required)
        {
            Assert.True(second.TryGetValue(name, out var family), $"/metrics has no {name}");
            Assert.Equal(type, family.Type);
        }

        Assert.True(second["pistream_frames_encoded"].Sum() > first["pistream_frames_encoded"].Sum(), "frames encoded does not grow");
        Assert.True(second["pistream_capture_frames"].Sum() > first["pistream_capture_frames"].Sum(), "frames captured does not grow");
        Assert.True(second["pistream_viewer_sent_bytes"].Sum("mjpeg") >= 64 * 1024);
        Assert.Contains(second["pistream_jpeg_encode_duration_seconds"].Samples, sample => sample.Name.EndsWith("_count", StringComparison.Ordinal) && sample.Value > 0);
        var latency = (Count: Count(first, "pistream_encode_latency_seconds"), Later: Count(second, "pistream_encode_latency_seconds"));
        Assert.True(latency.Later > latency.Count && latency.Count > 0, $"encode latency samples: {latency.Count}, then {latency.Later}");
        Assert.All(second["pistream_encode_latency_seconds"].Samples, sample => Assert.Equal("mpeg1video", sample.Labels["encoder"]));
        var moves = second["pistream_pantilt_moves"].Sum();
        for (var i = 0; i < 50 && moves < 1; i++)
        {
            await Task.Delay(200); // the move is written in the background, then counted
            moves = (await ScrapeAsync(server))["pistream_pantilt_moves"].Sum();
        }

        Assert.True(moves >= 1, "the pan-tilt move is not counted");
        // The frame rate is a gauge over a window: on a loaded machine it can read 0 for a moment; it must rise soon.
        var fps = second["pistream_capture_fps"].Sum();
        for (var attempt = 0; fps <= 0 && attempt < 20; attempt++)
        {
            await Task.Delay(250);
            fps = (await ScrapeAsync(server))["pistream_capture_fps"].Sum();
        }

        Assert.True(fps > 0, "capture fps stays 0 while frames flow");
        Assert.All(second.Keys.Where(name => name.StartsWith("pistream", StringComparison.Ordinal)), name => Assert.Matches("^pistream_[a-z_]+$", name));
    }

    [Fact]
    public async Task Wrong_logins_are_counted()
    {
        var users = new PiStream.Services.Security.UserStore(new Dictionary<string, PiStream.Services.Security.PasswordHash> { ["alice"] = PiStream.Services.Security.UserStore.PlainPassword("secret") });
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Access = PiStream.Services.Security.AccessSettings.Open with { Users = users } });
        server.Http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("alice:secret"u8.ToArray()));

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "healthz");
        wrong.Headers.Authorization = new("Basic", Convert.ToBase64String("alice:wrong"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Http.SendAsync(wrong)).StatusCode);
        var metrics = await ScrapeAsync(server);

        Assert.Equal(1, metrics["pistream_logins_failed"].Sum());
    }

    private static double Count(Dictionary<string, PrometheusText.Family> metrics, string histogram) =>
        metrics[histogram].Samples.Single(sample => sample.Name == histogram + "_count").Value;

    private static async Task SnapshotWaitAsync(TestServer server) => await server.Http.GetByteArrayAsync("snapshot.jpg");

    private static async Task<Dictionary<string, PrometheusText.Family>> ScrapeAsync(TestServer server)
    {
        using var response = await server.Http.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await PrometheusText.ParseAsync(await response.Content.ReadAsStringAsync());
    }
}
