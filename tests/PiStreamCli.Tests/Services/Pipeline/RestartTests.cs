using PiStream.Services.Pipeline;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Pipeline;

/// <summary>ffmpeg dying mid-stream: logged, restarted, and the viewers get picture again without reconnecting.</summary>
public sealed class RestartTests
{
    private static readonly RestartPolicy Fast = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));
    private static readonly TimeSpan[] DoublingToTheLimit = [.. new[] { 1, 2, 4, 8, 16, 30, 30 }.Select(s => TimeSpan.FromSeconds(s))];

    [Fact]
    public async Task Killing_ffmpeg_mid_stream_brings_the_picture_back_to_connected_viewers()
    {
        await using var server = await TestServer.StartAsync(policy: Fast);
        await using var viewer = await StreamClient.ConnectAsync(server.StreamUri);
        await viewer.WaitForFramesAsync(24, TimeSpan.FromSeconds(20));
        var firstEncoder = server.Host.Pipeline.CurrentEncoder!;
        var firstPid = firstEncoder.ProcessId;

        firstEncoder.Kill();
        var framesAtKill = viewer.Frames.Count;
        await viewer.WaitForFramesAsync(framesAtKill + 48, TimeSpan.FromSeconds(20));

        Assert.Equal(1, server.Host.Broadcaster.Stats.EncoderRestarts);
        Assert.NotEqual(firstPid, server.Host.Pipeline.CurrentEncoder!.ProcessId);
        Assert.False(ProcessTree.IsAlive(firstPid));
        Assert.Equal(1, server.Host.Broadcaster.ViewerCount);
        var afterKill = viewer.Frames.Skip(framesAtKill).SelectMany(frame => frame.Data).ToArray();
        Assert.Contains("I", await Ffprobe.PictureTypesAsync(afterKill));
    }

    [Fact]
    public void Backoff_doubles_to_the_limit_and_resets_after_a_stable_run()
    {
        var policy = RestartPolicy.Default;
        var delays = new List<TimeSpan>();
        var delay = policy.InitialDelay;
        for (var i = 0; i < 7; i++)
        {
            delays.Add(delay);
            delay = policy.Next(delay, TimeSpan.FromSeconds(1));
        }

        Assert.Equal(DoublingToTheLimit, delays);
        Assert.Equal(policy.InitialDelay, policy.Next(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1)));
    }
}
