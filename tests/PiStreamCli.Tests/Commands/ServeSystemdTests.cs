using System.Net.Http;
using PiStream.Tests.Services.Systemd;
using PiStream.Tests.Support;

namespace PiStream.Tests.Commands;

/// <summary>The real <c>serve</c> process as systemd runs it: a datagram socket as NOTIFY_SOCKET, a watchdog, SIGTERM, the journal.</summary>
public sealed class ServeSystemdTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private static readonly string[] Serve = ["serve", "--source", "test", "--port", "0", "--ws-port", "0", "--bind", "127.0.0.1", "--pantilt", "none", "--width", "320", "--height", "240"];

    [Fact]
    public async Task Serve_says_ready_once_it_streams_feeds_the_watchdog_and_says_stopping_on_SIGTERM()
    {
        using var listener = NotifyListener.Abstract();
        var environment = new Dictionary<string, string> { ["NOTIFY_SOCKET"] = listener.Address, ["WATCHDOG_USEC"] = "2000000" };
        await using var serve = CliProcess.StartWith(environment, null, Serve);

        var beforeReady = await listener.ReceiveUntilAsync("READY=1", Generous);
        var ready = beforeReady[^1];
        Assert.Contains("STATUS=Streaming ", ready);
        await serve.WaitForOutputAsync("Press Ctrl+C", Generous);
        var url = serve.Output.Split('\n').Select(line => line.Trim()).First(line => line.StartsWith("Watch at ", StringComparison.Ordinal))["Watch at ".Length..];
        using (var http = new HttpClient())
        {
            Assert.Contains("\"viewers\"", await http.GetStringAsync(new Uri(new Uri(url), "/api/status")));
        }

        var fed = await listener.ReceiveUntilAsync("WATCHDOG=1", TimeSpan.FromSeconds(10));
        Assert.Contains("STATUS=Streaming ", fed[^1]);

        serve.Terminate();
        await listener.ReceiveUntilAsync("STOPPING=1", TimeSpan.FromSeconds(10));
        Assert.Equal(0, await serve.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task A_socket_path_works_too_and_without_a_watchdog_only_the_status_follows_ready()
    {
        using var listener = NotifyListener.AtPath();
        var environment = new Dictionary<string, string> { ["NOTIFY_SOCKET"] = listener.Address };
        await using var serve = CliProcess.StartWith(environment, null, Serve);

        await listener.ReceiveUntilAsync("READY=1", Generous);
        var next = await listener.ReceiveAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith("STATUS=Streaming ", next);
        Assert.DoesNotContain("WATCHDOG", next);
    }

    [Fact]
    public async Task Under_journald_each_log_line_carries_its_syslog_priority()
    {
        var environment = new Dictionary<string, string> { ["JOURNAL_STREAM"] = "8:123456" };
        await using var serve = CliProcess.StartWith(environment, null, Serve);
        await serve.WaitForOutputAsync("Press Ctrl+C", Generous);
        serve.Terminate();
        await serve.WaitAsync(TimeSpan.FromSeconds(20));

        var logLines = (serve.Output + serve.Error).Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Contains("StreamHost: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(logLines);
        Assert.All(logLines, line => Assert.Matches(@"^<[2-7]>StreamHost: ", line));
        Assert.Contains(logLines, line => line.StartsWith("<6>StreamHost: Initializing camera", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_journald_the_log_keeps_its_time_stamps()
    {
        await using var serve = CliProcess.StartWith(new Dictionary<string, string> { ["JOURNAL_STREAM"] = "" }, null, Serve);
        await serve.WaitForOutputAsync("Press Ctrl+C", Generous);

        Assert.Matches(@"(?m)^\d\d:\d\d:\d\d info StreamHost: Initializing camera", serve.Output + serve.Error);
    }
}
