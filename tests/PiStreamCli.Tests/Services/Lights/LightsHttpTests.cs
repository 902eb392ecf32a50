using System.Net;
using PiStream.Services.Lights;
using PiStream.Services.PanTilt;
using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Lights;

/// <summary>pistreaming's <c>/do_light</c> and <c>/api/lights</c> on a real server with the simulated HAT.</summary>
public sealed class LightsHttpTests
{
    [Fact]
    public async Task Do_light_sets_the_pixels_answers_with_all_of_them_and_the_hat_shows_them()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { PanTilt = new PanTiltSettings(PanTiltMode.Sim, PanTiltHatOptions.Default) });

        var answer = await server.Http.GetAsync("do_light?-1=0,0,0,0&3=255,128,0,7");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("""{"pixels":[[0,0,0,0],[0,0,0,0],[0,0,0,0],[255,128,0,7],[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0]]}""", await answer.Content.ReadAsStringAsync());
        Assert.Equal(await answer.Content.ReadAsStringAsync(), await server.Http.GetStringAsync("api/lights"));
        await LightsPageTests.WaitForLightsAsync(server, [.. Enumerable.Repeat(LightColor.Off, 3), new LightColor(255, 128, 0, 7)]);
        var status = await server.Http.GetStringAsync("api/status");
        Assert.Contains("\"lights\":{\"type\":\"grbw\",\"count\":8,\"error\":null}", status);
    }

    [Theory]
    [InlineData("do_light?8=0,0,0,0", "Pixel 8 does not exist")]
    [InlineData("do_light?0=256,0,0,0", "256 is out of range")]
    [InlineData("do_light?0=1,2,3", "give four numbers")]
    [InlineData("do_light?0=1.5,2,3,4", "'1.5' is not a whole number")]
    [InlineData("do_light?x=1,2,3,4", "'x' is not a pixel")]
    [InlineData("do_light", "Give a pixel")]
    public async Task Bad_requests_are_400_with_the_reason_and_change_nothing(string path, string expected)
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { PanTilt = new PanTiltSettings(PanTiltMode.Sim, PanTiltHatOptions.Default) });

        var answer = await server.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(expected, await answer.Content.ReadAsStringAsync());
        Assert.DoesNotContain("[255", await server.Http.GetStringAsync("api/lights"));
    }

    [Fact]
    public async Task Read_only_is_403_and_no_hat_is_503()
    {
        var readOnly = TestServer.Settings with { PanTilt = new PanTiltSettings(PanTiltMode.Sim, PanTiltHatOptions.Default), Access = AccessSettings.Open with { ReadOnly = true } };
        await using (var server = await TestServer.StartAsync(readOnly))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await server.Http.GetAsync("do_light?-1=255,255,255,255")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("api/lights")).StatusCode);
            Assert.Equal("""{"pixels":[[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0]]}""", await server.Http.GetStringAsync("api/lights"));
        }

        await using (var server = await TestServer.StartAsync())
        {
            var answer = await server.Http.GetAsync("do_light?-1=255,255,255,255");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.Contains("Pan-Tilt HAT", await answer.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await server.Http.GetAsync("api/lights")).StatusCode);
            Assert.Contains("\"lights\":null", await server.Http.GetStringAsync("api/status"));
        }
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { PanTilt = new PanTiltSettings(PanTiltMode.Sim, PanTiltHatOptions.Default) });

        var answer = await server.Http.PostAsync("do_light?-1=1,1,1,1", null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.StatusCode);
        Assert.Equal("GET, HEAD", answer.Content.Headers.Allow.Count == 0 ? string.Join(", ", answer.Headers.GetValues("Allow")) : string.Join(", ", answer.Content.Headers.Allow));
    }

    [Fact]
    public async Task The_light_command_works_through_a_running_server()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { PanTilt = new PanTiltSettings(PanTiltMode.Sim, PanTiltHatOptions.Default) });
        using var output = new StringWriter();
        using var error = new StringWriter();
        var uri = new Uri($"http://127.0.0.1:{server.Host.HttpPort}/");

        var exitCode = await PiStream.Commands.LightCommand.RunRemoteAsync(uri, [new LightChange(1, new LightColor(1, 2, 3, 4))], output, error, CancellationToken.None);
        var tooFar = await PiStream.Commands.LightCommand.RunRemoteAsync(uri, [new LightChange(9, LightColor.Off)], output, error, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("lights: 0=0,0,0,0 1=1,2,3,4 2=0,0,0,0", output.ToString());
        Assert.Equal(2, tooFar);
        Assert.Contains("Pixel 9 does not exist", error.ToString());
        await LightsPageTests.WaitForLightsAsync(server, [LightColor.Off, new LightColor(1, 2, 3, 4)]);
    }
}
