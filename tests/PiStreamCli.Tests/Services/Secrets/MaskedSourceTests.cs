using PiStream.Services.Capture;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Secrets;

/// <summary>An exec: source whose command line carries a camera password: it never reaches /api/status or the log.</summary>
public sealed class MaskedSourceTests
{
    private const string Password = "hunter2-Secret";

    [Fact]
    public async Task The_password_in_an_exec_command_line_is_not_shown_in_status_or_logs()
    {
        Assert.True(SourceSpec.TryParse(
            $"exec:echo 'could not open rtsp://admin:{Password}@cam.lan/stream1, trying again' >&2; exec cat /dev/zero # rtsp://admin:{Password}@cam.lan/stream1",
            out var source,
            out _));
        using var logs = new RecordingLoggerProvider();
        await using (var server = await TestServer.StartAsync(TestServer.Settings with { Source = source }, loggerFactory: logs.CreateFactory()))
        {
            await using var viewer = await StreamClient.ConnectAsync(server.StreamUri);
            await viewer.WaitForFramesAsync(3, TimeSpan.FromSeconds(20));
            var status = await server.Http.GetStringAsync("/api/status");

            Assert.DoesNotContain(Password, status);
            Assert.Contains("rtsp://admin:***@cam.lan/stream1", status);
        }

        var lines = logs.Entries.Select(entry => entry.Message).ToArray();
        Assert.Contains(lines, line => line.Contains("could not open rtsp://admin:***@cam.lan/stream1", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(Password, StringComparison.Ordinal));
    }
}
