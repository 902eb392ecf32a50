using PiStream.Commands;
using PiStream.Tests.Support;

namespace PiStream.Tests.Commands;

/// <summary><c>config show</c> in-process: the strength of flag, environment, file and default, and what a bad file says.</summary>
public sealed class ConfigCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_flag_beats_the_environment_which_beats_the_file_which_beats_the_default()
    {
        var file = Write("""{ "port": 8090, "wsPort": 8092, "width": 1280, "framerate": 30 }""");

        var (exitCode, output, _) = Show(
            ["--config", file, "--framerate", "15"],
            new() { ["PISTREAM_WS_PORT"] = "9000", ["PISTREAM_FRAMERATE"] = "20" });

        Assert.Equal(0, exitCode);
        Assert.Matches(@"\nport +8090 +file\r?\n", output);
        Assert.Matches(@"\nwsPort +9000 +env PISTREAM_WS_PORT\r?\n", output);
        Assert.Matches(@"\nwidth +1280 +file\r?\n", output);
        Assert.Matches(@"\nframerate +15 +flag --framerate\r?\n", output);
        Assert.Matches(@"\nheight +480 +default\r?\n", output);
        Assert.Contains($"Settings file: {file}", output);
    }

    [Fact]
    public void The_default_file_is_read_when_it_exists()
    {
        var file = Write("""{ "hflip": true, "segmentLength": "1h", "record": "/srv/cam" }""");

        var (exitCode, output, _) = Show([], [], defaultFile: file);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"\nhflip +true +file\r?\n", output);
        Assert.Matches(@"\nsegmentLength +1h +file\r?\n", output);
        Assert.Matches(@"\nvflip +false +default\r?\n", output);
    }

    [Fact]
    public void Without_a_file_everything_is_a_default()
    {
        var (exitCode, output, _) = Show([], [], defaultFile: _folder.File("absent.json"));

        Assert.Equal(0, exitCode);
        Assert.Contains("Settings file: none", output);
        Assert.Matches(@"\nport +8082 +default\r?\n", output);
        Assert.Matches(@"\nsegmentLength +10m +default\r?\n", output);
        Assert.Matches(@"\ni2cAddress +0x15 +default\r?\n", output);
    }

    [Fact]
    public void Multi_word_keys_are_camel_case_in_the_file_and_snake_case_in_the_environment()
    {
        var file = Write("""{ "keyframeInterval": 12, "maxViewers": 5 }""");

        var (exitCode, output, _) = Show(["--config", file], new() { ["PISTREAM_READ_ONLY"] = "true" });

        Assert.Equal(0, exitCode);
        Assert.Matches(@"\nkeyframeInterval +12 +file\r?\n", output);
        Assert.Matches(@"\nmaxViewers +5 +file\r?\n", output);
        Assert.Matches(@"\nreadOnly +true +env PISTREAM_READ_ONLY\r?\n", output);
    }

    [Fact]
    public void Secrets_are_masked_wherever_they_come_from()
    {
        var file = Write("""{ "auth": "viewer:file-secret-1" }""");

        var (exitCode, output, error) = Show(["--config", file], []);
        var (flagExit, flagOutput, _) = Show(["--auth", "viewer:flag-secret-2"], []);

        Assert.Equal(0, exitCode);
        Assert.Equal(0, flagExit);
        Assert.Matches(@"\nauth +\*{8} +file\r?\n", output);
        Assert.Matches(@"\nauth +\*{8} +flag --auth\r?\n", flagOutput);
        Assert.DoesNotContain("file-secret-1", output + error);
        Assert.DoesNotContain("flag-secret-2", flagOutput);
    }

    [Theory]
    [InlineData("""{ "width": "wide" }""", "\"width\": --width 'wide' is not a whole number")]
    [InlineData("""{ "height": 5000 }""", "\"height\": --height 5000 is out of range: use a value from 32 to 4094")]
    [InlineData("""{ "frameRate": 30, "colour": "red" }""", "unknown key \"colour\"")]
    [InlineData("""{ "ws-port": 9000 }""", "unknown key \"ws-port\" (write it \"wsPort\")")]
    [InlineData("""{ "hflip": "yes" }""", "\"hflip\": 'yes' is not true or false")]
    [InlineData("""{ "source": "webcam" }""", "\"source\": ")]
    [InlineData("""{ "recordFormat": "avi", "record": "/tmp/x" }""", "\"recordFormat\": ")]
    [InlineData("""{ "port": [1, 2] }""", "\"port\" is a list or an object")]
    [InlineData("""{ "bind": "" }""", "\"bind\" is empty")]
    [InlineData("""port = 8082""", "is not a JSON object of settings")]
    [InlineData("""[8082]""", "is not a JSON object of settings")]
    [InlineData("""{ "port": 1, "port": 2 }""", "is not a JSON object of settings")]
    public void A_bad_file_is_exit_2_naming_the_file_and_the_key(string json, string expected)
    {
        var file = Write(json);

        var (exitCode, output, error) = Show(["--config", file], []);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n'), line => line.Contains(expected, StringComparison.Ordinal));
        Assert.StartsWith($"error: {file}", line);
        Assert.Contains("Nothing was started", error);
    }

    [Fact]
    public void A_bad_variable_is_named()
    {
        var (exitCode, _, error) = Show([], new() { ["PISTREAM_PORT"] = "eighty" }, defaultFile: _folder.File("absent.json"));

        Assert.Equal(2, exitCode);
        Assert.Contains("error: environment variable PISTREAM_PORT: --port 'eighty' is not a whole number", error);
    }

    [Fact]
    public void An_empty_variable_is_not_set()
    {
        var file = Write("""{ "port": 8100 }""");

        var (exitCode, output, _) = Show(["--config", file], new() { ["PISTREAM_PORT"] = "" });

        Assert.Equal(0, exitCode);
        Assert.Matches(@"\nport +8100 +file\r?\n", output);
    }

    [Fact]
    public void A_missing_config_file_is_named()
    {
        var missing = _folder.File("nope.json");

        var (exitCode, _, error) = Show(["--config", missing], []);

        Assert.Equal(2, exitCode);
        Assert.Contains($"error: {missing}: no such file", error);
    }

    [Fact]
    public void An_unknown_variable_is_ignored_with_a_warning()
    {
        var (exitCode, _, error) = Show([], new() { ["PISTREAM_COLOUR"] = "red", ["PISTREAM_DEBUG"] = "1" }, defaultFile: _folder.File("absent.json"));

        Assert.Equal(0, exitCode);
        Assert.Contains("warning: PISTREAM_COLOUR is not a setting", error);
        Assert.DoesNotContain("PISTREAM_DEBUG", error);
    }

    [Fact]
    public void PISTREAM_CONFIG_names_the_file_when_no_flag_does()
    {
        var file = Write("""{ "port": 8100 }""");

        var (exitCode, output, _) = Show([], new() { ["PISTREAM_CONFIG"] = file }, defaultFile: _folder.File("absent.json"));

        Assert.Equal(0, exitCode);
        Assert.Matches(@"\nport +8100 +file\r?\n", output);
    }

    public void Dispose() => _folder.Dispose();

    private string Write(string json)
    {
        var file = _folder.File($"pistream-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        return file;
    }

    private (int ExitCode, string Output, string Error) Show(string[] arguments, Dictionary<string, string> environment, string? defaultFile = null)
    {
        var parsed = PiStreamCommandLine.Create().Parse(["config", "show", .. arguments]);
        Assert.Empty(parsed.Errors);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = ConfigCommand.Show(parsed, environment, defaultFile ?? _folder.File("absent.json"), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
