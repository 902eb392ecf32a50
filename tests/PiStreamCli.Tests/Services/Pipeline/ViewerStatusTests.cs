using System.Text.Json;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Pipeline;

/// <summary>
/// /api/status counts every kind of viewer in <c>viewers</c>, with <c>viewersByKind</c>, and /metrics' <c>pistream_viewers</c>
/// agrees: a page viewer, a pistreaming client on --ws-port and an MJPEG client, all at once.
/// </summary>
[Collection(ReadsProcessWideMetrics.Name)]
public sealed class ViewerStatusTests
{
    [Fact]
    public async Task Status_and_metrics_count_page_legacy_and_mjpeg_viewers_alike()
    {
        await using var server = await TestServer.StartAsync();
        await using var page = await StreamClient.ConnectAsync(server.StreamUri);
        await using var legacy = await StreamClient.ConnectAsync(server.WebSocketPortUri);
        await using var secondPage = await StreamClient.ConnectAsync(server.StreamUri);
        using var mjpeg = await server.Http.GetAsync("stream.mjpg?fps=2", HttpCompletionOption.ResponseHeadersRead);
        await (await mjpeg.Content.ReadAsStreamAsync()).ReadAtLeastAsync(new byte[1024], 1024);
        await page.WaitForFramesAsync(2, TimeSpan.FromSeconds(20));
        await legacy.WaitForFramesAsync(2, TimeSpan.FromSeconds(20));
        await secondPage.WaitForFramesAsync(2, TimeSpan.FromSeconds(20));

        using var status = JsonDocument.Parse(await server.Http.GetStringAsync("api/status"));
        var metrics = await PrometheusText.ParseAsync(await server.Http.GetStringAsync("metrics"));

        var root = status.RootElement;
        Assert.Equal(4, root.GetProperty("viewers").GetInt32());
        var byKind = root.GetProperty("viewersByKind");
        Assert.Equal((2, 1, 1), (byKind.GetProperty("page").GetInt32(), byKind.GetProperty("legacy").GetInt32(), byKind.GetProperty("mjpeg").GetInt32()));
        var viewers = metrics["pistream_viewers"];
        Assert.Equal((2.0, 1.0, 1.0), (viewers.Sum("page"), viewers.Sum("legacy"), viewers.Sum("mjpeg")));
        Assert.Equal(1, root.GetProperty("mjpeg").GetProperty("viewers").GetInt32());
        Assert.Equal(1, root.GetProperty("pistreaming").GetProperty("viewers").GetInt32());
    }
}
