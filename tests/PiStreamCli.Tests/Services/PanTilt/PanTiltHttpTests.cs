using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using PiStream.Services.PanTilt;
using Xunit;

namespace PiStream.Tests.Services.PanTilt;

/// <summary>/do_orient, /api/orientation and the orientation push, against a real server with the simulated HAT.</summary>
public sealed class PanTiltHttpTests
{
    [Fact]
    public async Task A_valid_move_answers_200_and_is_reported_by_api_orientation_and_status()
    {
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim);

        var response = await server.Http.GetAsync("do_orient?pan=10&tilt=-5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"pan":10,"tilt":-5}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("""{"pan":10,"tilt":-5}""", await server.Http.GetStringAsync("api/orientation"));
        await server.WaitForMoveAsync(new Orientation(10, -5));
        using var status = JsonDocument.Parse(await server.Http.GetStringAsync("api/status"));
        var panTilt = status.RootElement.GetProperty("panTilt");
        Assert.Equal("simulated", panTilt.GetProperty("kind").GetString());
        Assert.True(panTilt.GetProperty("simulated").GetBoolean());
        Assert.Equal(10, panTilt.GetProperty("orientation").GetProperty("pan").GetDouble());
    }

    [Fact]
    public async Task A_partial_move_keeps_the_other_axis_and_decimals_are_accepted()
    {
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim);
        await server.Http.GetAsync("do_orient?pan=30&tilt=20");

        var response = await server.Http.GetAsync("do_orient?tilt=-12.5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"pan":30,"tilt":-12.5}""", await server.Http.GetStringAsync("api/orientation"));
        await server.WaitForMoveAsync(new Orientation(30, -12.5));
    }

    [Theory]
    [InlineData("pan=abc", "pan 'abc' is not a number")]
    [InlineData("pan=", "pan '' is not a number")]
    [InlineData("tilt=10&pan=1e999", "pan '1e999' is not a number")]
    [InlineData("pan=10&tilt=91", "tilt 91 is out of range: use an angle from -90 to 90 degrees.")]
    [InlineData("pan=-90.5", "pan -90.5 is out of range")]
    [InlineData("pan=NaN", "pan 'NaN' is not a number")]
    public async Task A_bad_or_out_of_range_value_answers_400_and_moves_nothing(string query, string message)
    {
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim);

        var response = await server.Http.GetAsync("do_orient?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal("""{"pan":0,"tilt":0}""", await server.Http.GetStringAsync("api/orientation"));
        Assert.Empty(server.Moves);
    }

    [Fact]
    public async Task Without_a_device_orient_answers_503_and_status_has_no_pan_tilt()
    {
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.None);

        var orient = await server.Http.GetAsync("do_orient?pan=10");
        var read = await server.Http.GetAsync("api/orientation");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, orient.StatusCode);
        Assert.Contains("No pan-tilt device", await orient.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
        using var status = JsonDocument.Parse(await server.Http.GetStringAsync("api/status"));
        Assert.Equal(JsonValueKind.Null, status.RootElement.GetProperty("panTilt").ValueKind);
    }

    [Fact]
    public async Task A_burst_of_fifty_moves_ends_at_the_last_position_without_replaying_every_step()
    {
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim, s => s with { MinimumSweep = TimeSpan.FromSeconds(2) });

        for (var pan = -25; pan < 25; pan++)
        {
            var response = await server.Http.GetAsync($"do_orient?pan={pan}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal("""{"pan":24,"tilt":0}""", await server.Http.GetStringAsync("api/orientation"));
        await server.WaitForMoveAsync(new Orientation(24, 0));
        Assert.Equal(new Orientation(24, 0), server.Moves[^1]);
        Assert.True(server.Moves.Length < 50, $"{server.Moves.Length} servo writes for 50 requests");
    }

    [Fact]
    public async Task Other_requests_are_answered_while_the_servo_sweeps()
    {
        // A 180-degree sweep takes 60 s here: if anything waited for it, the 15 s client timeout would fail the test.
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim, s => s with { FullSweep = TimeSpan.FromSeconds(60) });
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("do_orient?pan=90")).StatusCode);
        await server.WaitForMoveAsync(new Orientation(90, 0)); // written; the controller now waits 30 s for the sweep

        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("do_orient?pan=-90")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("api/status")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("index.html")).StatusCode);
        Assert.Equal("""{"pan":-90,"tilt":0}""", await server.Http.GetStringAsync("api/orientation"));
        Assert.Equal([new Orientation(90, 0)], server.Moves); // still sweeping towards 90: -90 waits its turn
    }

    [Fact]
    public async Task A_move_is_pushed_to_open_pages_as_a_text_message()
    {
        await using var server = await PanTiltServer.StartAsync(PanTiltMode.Sim);
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{server.Host.HttpPort}/stream"), timeout.Token);
        var buffer = new byte[256 * 1024];
        for (var frames = 0; frames < 3;)
        {
            var message = await socket.ReceiveAsync(buffer, timeout.Token);
            frames += message.MessageType == WebSocketMessageType.Binary && message.EndOfMessage ? 1 : 0; // header, then video: joined
        }

        await server.Http.GetAsync("do_orient?pan=33&tilt=-7");

        string? text = null;
        while (text is null)
        {
            var message = await socket.ReceiveAsync(buffer, timeout.Token);
            if (message.MessageType == WebSocketMessageType.Text)
            {
                text = System.Text.Encoding.UTF8.GetString(buffer, 0, message.Count);
            }
        }

        Assert.Equal("""{"type":"orientation","pan":33,"tilt":-7}""", text);
    }
}
