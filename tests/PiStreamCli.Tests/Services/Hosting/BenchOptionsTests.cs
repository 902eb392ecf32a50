using System.Net.WebSockets;
using System.Text.Json;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Hosting;

/// <summary>The hidden benchmark options of <c>serve</c>: frame times before each frame, and not shown in help.</summary>
public sealed class BenchOptionsTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Bench_timestamps_precede_every_live_frame()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { BenchTimestamps = true });
        await using var client = await StreamClient.ConnectAsync(server.StreamUri);
        await client.WaitForFramesAsync(40, Generous);

        var messages = client.Messages.Skip(1).ToArray();
        var firstText = Array.FindIndex(messages, m => m.Type == WebSocketMessageType.Text);
        Assert.True(firstText >= 0, "no frame time was sent");
        var live = messages[firstText..];
        for (var i = 0; i + 1 < live.Length; i += 2)
        {
            Assert.Equal(WebSocketMessageType.Text, live[i].Type);
            Assert.Equal(WebSocketMessageType.Binary, live[i + 1].Type);
            using var json = JsonDocument.Parse(System.Text.Encoding.UTF8.GetString(live[i].Data));
            var sentAt = json.RootElement.GetProperty("t").GetDouble();
            Assert.InRange(sentAt, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1);
        }
    }

    [Fact]
    public async Task Without_the_option_no_text_is_sent()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await StreamClient.ConnectAsync(server.StreamUri);
        await client.WaitForFramesAsync(10, Generous);

        Assert.DoesNotContain(client.Messages, m => m.Type == WebSocketMessageType.Text);
    }

    [Fact]
    public async Task Bench_options_are_hidden_from_help_and_checked()
    {
        var (helpCode, help, _) = await CliProcess.RunAsync(["serve", "--help"], Generous);
        var (badCode, _, error) = await CliProcess.RunAsync(["serve", "--debug-delay-ms", "20000"], Generous);

        Assert.Equal(0, helpCode);
        Assert.DoesNotContain("--bench-timestamps", help);
        Assert.DoesNotContain("--debug-delay-ms", help);
        Assert.Equal(2, badCode);
        Assert.Contains("--debug-delay-ms 20000 is out of range", error);
    }
}
