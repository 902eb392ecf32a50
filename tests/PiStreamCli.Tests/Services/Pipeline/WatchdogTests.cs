using PiStream.Services.Capture;
using PiStream.Services.Pipeline;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Pipeline;

/// <summary>A capture source that stops sending frames without exiting is noticed and restarted.</summary>
public sealed class WatchdogTests
{
    [Fact]
    public async Task A_source_that_goes_quiet_is_restarted()
    {
        var policy = new RestartPolicy(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1.5));
        var frameSize = 64 * 48 * 3 / 2;
        var command = $"head -c {frameSize * 24} /dev/urandom; sleep 600";
        var settings = TestServer.Settings with { Source = new SourceSpec(SourceKind.Exec, command), Format = new VideoFormat(64, 48, 24) };
        await using var server = await TestServer.StartAsync(settings, policy);
        await using var viewer = await StreamClient.ConnectAsync(server.StreamUri);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (server.Host.Broadcaster.Stats.EncoderRestarts < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(server.Host.Broadcaster.Stats.EncoderRestarts >= 2, "the quiet source was restarted more than once");
        Assert.True(viewer.Frames.Count >= 24, $"frames from the first two runs: {viewer.Frames.Count}");
    }
}
