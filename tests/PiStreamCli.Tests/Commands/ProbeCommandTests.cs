using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using PiStream.Services.Encoding;
using PiStream.Tests.Support;
using Xunit;

namespace PiStream.Tests.Commands;

/// <summary>pistream probe on this machine: ffmpeg installed, no camera, no I2C.</summary>
public sealed class ProbeCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private static readonly Dictionary<string, string> NoFfmpeg = new() { ["PATH"] = "/nonexistent" };

    [Fact]
    public async Task Json_on_this_machine_says_the_test_pattern_will_be_used_and_exits_zero()
    {
        var (http, ws) = (FreePorts.Free(), FreePorts.Free());

        var (exitCode, output, error) = await CliProcess.RunAsync(["probe", "--json", "--port", Text(http), "--ws-port", Text(ws)], Timeout);

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}\n{output}");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var verdict = root.GetProperty("verdict");
        Assert.True(verdict.GetProperty("canServe").GetBoolean());
        Assert.Equal("none", verdict.GetProperty("blocker").GetString());
        Assert.Equal("test", verdict.GetProperty("source").GetString());
        Assert.True(verdict.GetProperty("usesTestPattern").GetBoolean());
        Assert.Equal("none", verdict.GetProperty("panTilt").GetString());
        Assert.DoesNotContain(verdict.GetProperty("findings").EnumerateArray(), f => f.GetProperty("blocking").GetBoolean());
        Assert.Equal("/usr/bin/ffmpeg", root.GetProperty("ffmpeg").GetProperty("path").GetString());
        Assert.True(root.GetProperty("ffmpeg").GetProperty("encoders").GetProperty("mpeg1video").GetBoolean());
        Assert.Empty(root.GetProperty("cameras").GetProperty("libcameraCameras").EnumerateArray());
        Assert.Empty(root.GetProperty("cameras").GetProperty("v4l2Devices").EnumerateArray());
        Assert.Empty(root.GetProperty("panTilt").GetProperty("i2cBuses").EnumerateArray());
        Assert.False(root.GetProperty("panTilt").GetProperty("hat").GetProperty("answers").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("platform").GetProperty("piModel").ValueKind);
        var ports = root.GetProperty("network").GetProperty("ports").EnumerateArray().ToArray();
        Assert.Equal([(http, "http", true), (ws, "websocket", true)], ports.Select(p => (p.GetProperty("port").GetInt32(), p.GetProperty("purpose").GetString(), p.GetProperty("free").GetBoolean())));
        Assert.Contains($"http://127.0.0.1:{http}/", root.GetProperty("network").GetProperty("pageUrls").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task Text_on_this_machine_shows_every_section_and_the_verdict_and_exits_zero()
    {
        var (http, ws) = (FreePorts.Free(), FreePorts.Free());

        var (exitCode, output, error) = await CliProcess.RunAsync(["probe", "--port", Text(http), "--ws-port", Text(ws)], Timeout);

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}\n{output}");
        Assert.Contains("Path:          /usr/bin/ffmpeg", output);
        Assert.Contains("mpeg1video yes", output);
        Assert.Contains("libcamera:     rpicam-hello / libcamera-hello not installed", output);
        Assert.Contains("I2C buses:     none", output);
        Assert.Contains($"Open:          http://127.0.0.1:{http}/", output);
        Assert.Contains($"Port {ws} (websocket): free", output);
        Assert.Contains("serve can run here.", output);
        Assert.Contains("serve --source auto  -> test: no camera found, streaming the test pattern", output);
        Assert.Contains("I2C is disabled: sudo raspi-config nonint do_i2c 0", output);
    }

    [Fact]
    public async Task With_ffmpeg_hidden_from_path_names_the_install_command_and_exits_three()
    {
        var (jsonExit, json, _) = await CliProcess.RunAsync(["probe", "--json", "--port", "0", "--ws-port", "0"], Timeout, NoFfmpeg);
        var (textExit, text, _) = await CliProcess.RunAsync(["probe", "--port", "0", "--ws-port", "0"], Timeout, NoFfmpeg);

        Assert.Equal(3, jsonExit);
        Assert.Equal(3, textExit);
        using var document = JsonDocument.Parse(json);
        var verdict = document.RootElement.GetProperty("verdict");
        Assert.False(verdict.GetProperty("canServe").GetBoolean());
        Assert.Equal("missingDependency", verdict.GetProperty("blocker").GetString());
        var blocking = Assert.Single(verdict.GetProperty("findings").EnumerateArray(), f => f.GetProperty("blocking").GetBoolean());
        Assert.Equal(FfmpegLocator.InstallHint, blocking.GetProperty("fix").GetString());
        Assert.Contains("serve cannot run here yet", text);
        Assert.Contains(FfmpegLocator.InstallHint, text);
    }

    [Fact]
    public async Task With_the_http_port_taken_says_so_and_exits_one()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var (exitCode, output, _) = await CliProcess.RunAsync(["probe", "--port", Text(port), "--ws-port", "0"], Timeout);

        Assert.Equal(1, exitCode);
        Assert.Contains($"http port {port} is in use by another program", output);
    }

    [Fact]
    public async Task The_hat_is_looked_for_on_the_bus_and_address_given()
    {
        var (exitCode, output, error) = await CliProcess.RunAsync(["probe", "--json", "--port", "0", "--ws-port", "0", "--i2c-bus", "7", "--i2c-address", "0x16"], Timeout);

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}\n{output}");
        using var json = JsonDocument.Parse(output);
        var hat = json.RootElement.GetProperty("panTilt").GetProperty("hat");
        Assert.Equal((7, "/dev/i2c-7", 0x16), (hat.GetProperty("bus").GetInt32(), hat.GetProperty("busPath").GetString(), hat.GetProperty("address").GetInt32()));
        var finding = Assert.Single(json.RootElement.GetProperty("verdict").GetProperty("findings").EnumerateArray(), f => f.GetProperty("area").GetString() == "pantilt");
        Assert.Equal("no I2C bus /dev/i2c-7: the Pan-Tilt HAT needs a Raspberry Pi with I2C on", finding.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task A_bad_i2c_address_is_exit_2_naming_the_fix()
    {
        var (exitCode, _, error) = await CliProcess.RunAsync(["probe", "--i2c-address", "0x99"], Timeout);

        Assert.Equal(2, exitCode);
        Assert.Contains("--i2c-address '0x99' is not a 7-bit I2C address: use e.g. 0x15", error);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
