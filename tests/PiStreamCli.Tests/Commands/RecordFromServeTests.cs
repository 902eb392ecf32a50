using PiStream.Tests.Support;
using Xunit;

namespace PiStream.Tests.Commands;

/// <summary><c>pistream record --from</c> against a real <c>pistream serve --source test</c> process.</summary>
public sealed class RecordFromServeTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Records_the_stream_of_a_running_serve_without_re_encoding_and_as_h264_for_mp4()
    {
        await using var serve = CliProcess.Start("serve", "--source", "test", "--bind", "127.0.0.1", "--port", "0", "--ws-port", "0", "--codec", "mpeg1");
        var watch = await serve.WaitForLineAsync(line => line.StartsWith("Watch at ", StringComparison.Ordinal)).WaitAsync(Generous);
        var address = new Uri(watch["Watch at ".Length..].Trim()).GetLeftPart(UriPartial.Authority);

        var ts = _folder.File("live.ts");
        var mp4 = _folder.File("live.mp4");
        var copied = await CliProcess.RunAsync(Generous, "record", ts, "--from", address, "--duration", "3s");
        var converted = await CliProcess.RunAsync(Generous, "record", mp4, "--from", address, "--duration", "3s");

        Assert.True(copied.ExitCode == 0, $"exit {copied.ExitCode}: {copied.Output} {copied.Error}");
        Assert.True(converted.ExitCode == 0, $"exit {converted.ExitCode}: {converted.Output} {converted.Error}");
        var copy = await VideoProbe.ProbeAsync(ts);
        Assert.Equal(("mpeg1video", 640, 480), (copy.Codec, copy.Width, copy.Height));
        Assert.InRange(copy.DecodedFrames, 2 * 24, 4 * 24);
        var h264 = await VideoProbe.ProbeAsync(mp4);
        Assert.Equal(("h264", 640, 480), (h264.Codec, h264.Width, h264.Height));
        Assert.InRange(h264.Duration ?? 0, 2.5, 3.5);
    }

    [Fact]
    public async Task Records_an_h264_serve_as_it_is_without_a_second_encode()
    {
        await using var serve = CliProcess.Start("serve", "--source", "test", "--bind", "127.0.0.1", "--port", "0", "--ws-port", "0", "--codec", "h264");
        var watch = await serve.WaitForLineAsync(line => line.StartsWith("Watch at ", StringComparison.Ordinal)).WaitAsync(Generous);
        var address = new Uri(watch["Watch at ".Length..].Trim()).GetLeftPart(UriPartial.Authority);

        var mp4 = _folder.File("live.mp4");
        var recorded = await CliProcess.RunAsync(Generous, "record", mp4, "--from", address, "--duration", "3s");

        Assert.True(recorded.ExitCode == 0, $"exit {recorded.ExitCode}: {recorded.Output} {recorded.Error}");
        Assert.Contains("the stream's video as it is", recorded.Output);
        var h264 = await VideoProbe.ProbeAsync(mp4);
        Assert.Equal(("h264", 640, 480), (h264.Codec, h264.Width, h264.Height));
        Assert.InRange(h264.Duration ?? 0, 2.5, 3.5);
    }

    [Fact]
    public async Task Says_when_no_serve_is_running_at_the_address()
    {
        var (exitCode, _, error) = await CliProcess.RunAsync(Generous, "record", _folder.File("none.ts"), "--from", "http://127.0.0.1:1", "--duration", "1s");

        Assert.Equal(1, exitCode);
        Assert.Contains("Is 'pistream serve' running there?", error);
        Assert.False(File.Exists(_folder.File("none.ts")), "nothing should be left behind");
    }

    public void Dispose() => _folder.Dispose();
}
