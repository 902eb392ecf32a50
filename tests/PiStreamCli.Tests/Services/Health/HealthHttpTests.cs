using System.Net;
using PiStream.Services.Capture;
using PiStream.Services.Pipeline;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Health;

/// <summary>GET /healthz against a real serve: 200 while frames flow, 503 with the reason when the capture stops.</summary>
public sealed class HealthHttpTests
{
    [Fact]
    public async Task Healthy_while_frames_flow()
    {
        await using var server = await TestServer.StartAsync();

        var (status, text) = await PollAsync(server, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("ok: frames flow", text);
    }

    [Fact]
    public async Task A_capture_that_stops_makes_it_503_with_the_reason()
    {
        Assert.True(SourceSpec.TryParse("exec:ffmpeg -v error -f lavfi -i testsrc2=size=640x480:rate=24 -t 1 -pix_fmt yuv420p -f rawvideo pipe:1", out var source, out var error), error);
        var slowRestart = RestartPolicy.Default with { InitialDelay = TimeSpan.FromMinutes(5) };
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Source = source }, slowRestart);

        var (status, text) = await PollAsync(server, HttpStatusCode.ServiceUnavailable, mustSeeFramesFirst: true);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.StartsWith("capture down: ", text);
        Assert.Contains("sent no frame for", text);
        Assert.Contains("last failure: ", text);
        using var snapshot = await server.Http.GetAsync("snapshot.jpg");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, snapshot.StatusCode);
    }

    private static async Task<(HttpStatusCode Status, string Text)> PollAsync(TestServer server, HttpStatusCode wanted, bool mustSeeFramesFirst = false)
    {
        var sawFrames = !mustSeeFramesFirst;
        var last = (Status: HttpStatusCode.InternalServerError, Text: "");
        for (var i = 0; i < 150; i++)
        {
            using var response = await server.Http.GetAsync("healthz");
            last = (response.StatusCode, (await response.Content.ReadAsStringAsync()).Trim());
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            sawFrames |= last.Status == HttpStatusCode.OK;
            if (last.Status == wanted && sawFrames)
            {
                return last;
            }

            await Task.Delay(200);
        }

        return last;
    }
}
