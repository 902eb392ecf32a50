using System.Net;
using PiStream.Testing;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Jpeg;

/// <summary>
/// "One request must not stall the live stream": a real serve whose JPEG encoder hangs (SIGSTOP) keeps streaming at
/// its frame rate, and the snapshots asked for meanwhile end with an answer instead of hanging.
/// </summary>
public sealed class SnapshotStallTests
{
    private const int Framerate = 24;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_hung_JPEG_encoder_holds_up_neither_the_live_stream_nor_the_snapshot_requests()
    {
        var port = FreePorts.Free();
        await using var cli = await CliProcess.ServeAsync("--source", "test", "--bind", "127.0.0.1", "--port", $"{port}", "--ws-port", $"{FreePorts.Free()}",
            "--codec", "mpeg1", "--framerate", $"{Framerate}", "--width", "320", "--height", "240");
        await using var viewer = await StreamClient.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/stream"));
        await viewer.WaitForFramesAsync(5, Generous);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Generous };
        await FirstSnapshotAsync(http); // starts the JPEG encoder

        var encoder = Assert.Single(cli.Children(), pid => CommandLine(pid).Contains("-c:v mjpeg", StringComparison.Ordinal));
        ProcessTree.Signal(encoder, "STOP");
        try
        {
            var before = viewer.Frames.Count;
            var snapshots = Enumerable.Range(0, 3).Select(_ => http.GetAsync("snapshot.jpg")).ToArray();
            await Task.Delay(TimeSpan.FromSeconds(4));
            var streamed = viewer.Frames.Count - before;

            // 96 frames in 4 s; a quarter of them is far above a stream that waits for the encoder (none).
            Assert.True(streamed >= Framerate, $"the live stream sent {streamed} frames in 4 s while the JPEG encoder hung");
            var answers = await Task.WhenAll(snapshots).WaitAsync(Generous);
            Assert.All(answers, answer => Assert.Contains(answer.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }
        finally
        {
            ProcessTree.Signal(encoder, "CONT");
        }
    }

    /// <summary>
    /// Waits for the first snapshot. The encoder's cold start can outlast the 5 s a snapshot waits when the whole suite
    /// loads this machine (a 503 then, which says so); the stall below is what this test is about.
    /// </summary>
    private static async Task FirstSnapshotAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow + Generous;
        while (true)
        {
            using var first = await http.GetAsync("snapshot.jpg");
            if (first.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
            Assert.True(DateTime.UtcNow < deadline, "no snapshot within 30 s of asking");
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}
