using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PiStream.Services.Capture;
using PiStream.Services.Encoding;
using PiStream.Services.Publish;
using PiStream.Testing;
using PiStream.Tests.Support;
using Xunit;

namespace PiStream.Tests.Services.Publish;

/// <summary>
/// serve --publish over RTSP and SRT to a real receiver: an ffmpeg listening on 127.0.0.1 (RTSP with
/// <c>-rtsp_flags listen</c>, SRT in listener mode) writes what arrives to a file that ffprobe reads back.
/// </summary>
public sealed class PublishToListenersTests : IDisposable
{
    private static readonly VideoFormat Format = new(320, 240, 24);
    private readonly TempFolder _folder = new();

    [Fact]
    public Task Rtsp_publishing_arrives_as_h264() => PublishesAsync(
        port => $"rtsp://127.0.0.1:{port}/cam", PublishScheme.Rtsp, ["-rtsp_flags", "listen"], port => $"rtsp://127.0.0.1:{port}/cam");

    [Fact]
    public Task Srt_publishing_arrives_as_h264() => PublishesAsync(
        port => $"srt://127.0.0.1:{port}", PublishScheme.Srt, [], port => $"srt://127.0.0.1:{port}?mode=listener");

    public void Dispose() => _folder.Dispose();

    private async Task PublishesAsync(Func<string, string> url, PublishScheme scheme, string[] listen, Func<string, string> listenerUrl)
    {
        var port = FreePorts.Free().ToString(CultureInfo.InvariantCulture);
        var received = _folder.File("received.ts");
        using var receiver = Process.Start(new ProcessStartInfo(
            "ffmpeg",
            ["-hide_banner", "-loglevel", "warning", "-nostdin", .. listen, "-i", listenerUrl(port), "-c", "copy", "-t", "3", "-f", "mpegts", received])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = receiver.StandardError.ReadToEndAsync();
        using var log = new RecordingLoggerProvider();
        using var loggerFactory = log.CreateFactory();
        await using var server = await TestServer.StartAsync(TestServer.Settings with
        {
            Format = Format,
            KeyframeInterval = Format.Framerate,
            Codec = CodecRequest.H264, // the live H.264 is sent as it is
            Publish = [new PublishTarget(url(port), scheme)],
        }, loggerFactory: loggerFactory);

        try
        {
            await receiver.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (!receiver.HasExited)
            {
                receiver.Kill();
            }
        }

        var probe = await VideoProbe.ProbeAsync(received);
        Assert.Equal(("h264", 320, 240), (probe.Codec, probe.Width, probe.Height));
        Assert.True(probe.DecodedFrames >= 2 * Format.Framerate, $"{probe.DecodedFrames} frames; receiver: {await errors}");
        // The target went live while the receiver took the stream (RTSP reports no byte count: the bytes handed to its muxer count).
        using var status = JsonDocument.Parse(await server.Http.GetStringAsync("/api/status"));
        var target = status.RootElement.GetProperty("publish").GetProperty("targets")[0];
        Assert.True(target.GetProperty("bytesSent").GetInt64() > 10_000, target.ToString());
        Assert.Contains(log.Entries, entry => entry.Message.Contains(": live", StringComparison.Ordinal));
    }
}
