using PiStream.Tests.Support;

namespace PiStream.Tests.Commands;

/// <summary>The real <c>pistream</c> process with a settings file and PISTREAM_ variables, as a service runs it.</summary>
public sealed class ServeConfigFileTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Serve_listens_where_the_file_says_unless_the_environment_or_a_flag_says_otherwise()
    {
        var (filePort, environmentPort) = (FreePorts.Free(), FreePorts.Free());
        var file = _folder.File("pistream.json");
        await File.WriteAllTextAsync(file, $$"""{ "port": {{filePort}}, "wsPort": 0, "bind": "127.0.0.1", "source": "test", "pantilt": "none", "width": 320, "height": 240 }""");

        await using (var fromFile = CliProcess.StartWith(null, null, "serve", "--config", file))
        {
            await fromFile.WaitForOutputAsync($"http://127.0.0.1:{filePort}/", Generous);
        }

        var environment = new Dictionary<string, string> { ["PISTREAM_PORT"] = $"{environmentPort}" };
        await using (var fromEnvironment = CliProcess.StartWith(environment, null, "serve", "--config", file))
        {
            await fromEnvironment.WaitForOutputAsync($"http://127.0.0.1:{environmentPort}/", Generous);
        }

        await using var fromFlag = CliProcess.StartWith(environment, null, "serve", "--config", file, "--port", "0");
        await fromFlag.WaitForOutputAsync("Press Ctrl+C", Generous);
        Assert.DoesNotContain($":{environmentPort}/", fromFlag.Output);
        Assert.DoesNotContain($":{filePort}/", fromFlag.Output);
    }

    [Fact]
    public async Task A_bad_file_stops_serve_before_anything_starts_and_keeps_the_password_secret()
    {
        var file = _folder.File("pistream.json");
        await File.WriteAllTextAsync(file, """{ "auth": "viewer:do-not-print-me", "width": "wide", "source": "test" }""");

        var (exitCode, output, error) = await CliProcess.RunAsync(["serve", "--config", file], Generous);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains($"error: {file}: \"width\": --width 'wide' is not a whole number", error);
        Assert.DoesNotContain("do-not-print-me", error);
        Assert.DoesNotContain("Initializing", error);
    }

    [Fact]
    public async Task Config_show_prints_each_source_from_the_real_tool()
    {
        var file = _folder.File("pistream.json");
        await File.WriteAllTextAsync(file, """{ "port": 8090, "width": 1280, "height": 720, "auth": "viewer:do-not-print-me" }""");

        var (exitCode, output, error) = await CliProcess.RunAsync(
            ["config", "show", "--config", file, "--height", "480"],
            Generous,
            new Dictionary<string, string> { ["PISTREAM_WIDTH"] = "640" });

        Assert.True(exitCode == 0, error);
        Assert.Matches(@"\nport +8090 +file\r?\n", output);
        Assert.Matches(@"\nwidth +640 +env PISTREAM_WIDTH\r?\n", output);
        Assert.Matches(@"\nheight +480 +flag --height\r?\n", output);
        Assert.Matches(@"\nbitrate +800000 +default\r?\n", output);
        Assert.DoesNotContain("do-not-print-me", output + error);
    }

    public void Dispose() => _folder.Dispose();
}
