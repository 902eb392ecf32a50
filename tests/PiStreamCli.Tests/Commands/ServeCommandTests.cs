using System.Net;
using System.Net.Sockets;
using PiStream.Tests.Support;

namespace PiStream.Tests.Commands;

/// <summary>The real <c>pistream serve</c> process: bad input, missing ffmpeg, a taken port, and shutdown.</summary>
public sealed class ServeCommandTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("--width", "641", "even")]
    [InlineData("--height", "10", "out of range")]
    [InlineData("--framerate", "0", "out of range")]
    [InlineData("--port", "70000", "out of range")]
    [InlineData("--source", "webcam", "auto, test, libcamera")]
    [InlineData("--bitrate", "fast", "800k")]
    [InlineData("--bind", "my-pi", "not an IP address")]
    public async Task Bad_values_exit_2_with_the_fix(string option, string value, string expected)
    {
        var (code, _, error) = await CliProcess.RunAsync(["serve", option, value], Generous);
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
        Assert.Contains("Nothing was changed", error);
    }

    [Theory]
    [InlineData("--port", "9000", "--ws-port", "9000")]
    [InlineData("--port", "8084", null, null)]
    [InlineData("--ws-port", "8082", null, null)]
    public async Task Same_port_twice_is_refused(string option, string value, string? other, string? otherValue)
    {
        string[] arguments = other is null ? ["serve", option, value] : ["serve", option, value, other, otherValue!];
        var (code, _, error) = await CliProcess.RunAsync(arguments, Generous);
        Assert.Equal(2, code);
        Assert.Contains("different ports", error);
    }

    [Fact]
    public async Task Missing_ffmpeg_exits_3_with_the_install_command()
    {
        var (code, _, error) = await CliProcess.RunAsync(
            ["serve", "--source", "test", "--port", "0", "--ws-port", "0", "--bind", "127.0.0.1"],
            Generous,
            new Dictionary<string, string> { ["PATH"] = "/nonexistent" });
        Assert.Equal(3, code);
        Assert.Contains("ffmpeg not found — install it with: sudo apt-get install ffmpeg", error);
    }

    [Fact]
    public async Task A_port_in_use_is_named()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var (code, _, error) = await CliProcess.RunAsync(["serve", "--source", "test", "--bind", "127.0.0.1", "--port", $"{port}", "--ws-port", "0"], Generous);
        Assert.Equal(1, code);
        Assert.Contains($"Port {port} is already in use", error);
        Assert.Contains("--port", error);
        Assert.DoesNotContain("Exception", error);
    }

    [Fact]
    public async Task Sigterm_with_viewers_connected_exits_within_two_seconds_and_leaves_no_ffmpeg()
    {
        var port = FreePorts.Free();
        await using var cli = CliProcess.Start(["serve", "--source", "test", "--bind", "127.0.0.1", "--port", $"{port}", "--ws-port", $"{FreePorts.Free()}"]);
        await cli.WaitForOutputAsync("Press Ctrl+C", Generous);
        await using var a = await StreamClient.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/stream"));
        await using var b = await StreamClient.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/stream"));
        await a.WaitForFramesAsync(10, Generous);
        await b.WaitForFramesAsync(10, Generous);
        var children = cli.Children();
        Assert.NotEmpty(children);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        cli.Signal("TERM");
        await cli.WaitForExitAsync(Generous);
        var took = clock.Elapsed;

        Assert.True(took < TimeSpan.FromSeconds(2), $"took {took.TotalMilliseconds:0} ms");
        Assert.Equal(0, cli.ExitCode);
        Assert.DoesNotContain("Invalid buffer size", cli.Output + cli.Error);
        Assert.All(children, pid => Assert.False(ProcessTree.IsAlive(pid), $"child {pid} outlived pistream"));
        await a.Completion.WaitAsync(Generous);
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, a.CloseStatus);
    }
}
