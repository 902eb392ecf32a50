using System.Net;
using PiStream.Services.Hosting;
using PiStream.Services.PanTilt;
using PiStream.Services.Presets;
using PiStream.Services.Security;
using PiStream.Tests.Services.PanTilt;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Presets;

/// <summary>Presets over HTTP on a real server with the simulated HAT, kept in a state directory across restarts.</summary>
public sealed class PresetsHttpTests : IDisposable
{
    private readonly TempFolder _state = new();

    [Fact]
    public async Task Save_list_go_and_delete_and_the_list_survives_a_restart()
    {
        await using (var server = await StartAsync())
        {
            Assert.Equal("[]", await server.Http.GetStringAsync("api/presets"));
            await server.Http.GetAsync("do_orient?pan=10&tilt=-5");

            var saved = await server.Http.PutAsync("api/presets/front-door", null);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal("""{"name":"front-door","pan":10,"tilt":-5}""", await saved.Content.ReadAsStringAsync());
            await server.Http.GetAsync("do_orient?pan=-30&tilt=20");
            await server.Http.PutAsync("api/presets/Garden_2", null);

            var go = await server.Http.PostAsync("api/presets/front-door/go", null);
            Assert.Equal(HttpStatusCode.OK, go.StatusCode);
            Assert.Equal("""{"pan":10,"tilt":-5}""", await go.Content.ReadAsStringAsync());
            await server.WaitForMoveAsync(new Orientation(10, -5));
            Assert.Equal("""{"name":"Garden_2","pan":-30,"tilt":20}""", await server.Http.GetStringAsync("api/presets/Garden_2"));
        }

        await using (var restarted = await StartAsync())
        {
            Assert.Equal("""[{"name":"Garden_2","pan":-30,"tilt":20},{"name":"front-door","pan":10,"tilt":-5}]""", await restarted.Http.GetStringAsync("api/presets"));
            Assert.Equal(HttpStatusCode.OK, (await restarted.Http.DeleteAsync("api/presets/Garden_2")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await restarted.Http.DeleteAsync("api/presets/Garden_2")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await restarted.Http.PostAsync("api/presets/Garden_2/go", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await restarted.Http.GetAsync("api/presets/Garden_2")).StatusCode);
        }

        Assert.Equal("""[{"name":"front-door","pan":10,"tilt":-5}]""", System.Text.Json.JsonSerializer.Serialize(
            System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(File.ReadAllText(Path.Combine(_state.Path, PresetStore.FileName)))));
    }

    [Theory]
    [InlineData("a%20b")]
    [InlineData("caf%C3%A9")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    [InlineData("x.y")]
    public async Task Bad_names_are_400_and_nothing_is_saved(string name)
    {
        await using var server = await StartAsync();

        var answer = await server.Http.PutAsync($"api/presets/{name}", null);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("letters, digits, '-' or '_'", await answer.Content.ReadAsStringAsync());
        Assert.Equal("[]", await server.Http.GetStringAsync("api/presets"));
        Assert.False(File.Exists(Path.Combine(_state.Path, PresetStore.FileName)));
    }

    [Fact]
    public async Task Read_only_refuses_every_change_with_403_and_still_lists()
    {
        await using (var server = await StartAsync())
        {
            await server.Http.PutAsync("api/presets/door", null);
        }

        await using var readOnly = await StartAsync(AccessSettings.Open with { ReadOnly = true });

        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.Http.PutAsync("api/presets/window", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.Http.PostAsync("api/presets/door/go", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.Http.DeleteAsync("api/presets/door")).StatusCode);
        Assert.Equal("""[{"name":"door","pan":0,"tilt":0}]""", await readOnly.Http.GetStringAsync("api/presets"));
    }

    [Fact]
    public async Task Other_methods_are_405_naming_the_allowed_ones()
    {
        await using var server = await StartAsync();

        var onList = await server.Http.PostAsync("api/presets", null);
        var onGo = await server.Http.GetAsync("api/presets/door/go");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, onList.StatusCode);
        Assert.Equal(["GET", "HEAD"], onList.Content.Headers.Allow);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, onGo.StatusCode);
        Assert.Equal(["POST"], onGo.Content.Headers.Allow);
    }

    [Fact]
    public async Task Without_a_pan_tilt_device_saving_and_going_are_503()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Presets = new PresetsSettings(_state.Path) });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await server.Http.PutAsync("api/presets/door", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("api/presets")).StatusCode);
    }

    public void Dispose() => _state.Dispose();

    private Task<PanTiltServer> StartAsync(AccessSettings? access = null) =>
        PanTiltServer.StartAsync(PanTiltMode.Sim, settings: TestServer.Settings with { Presets = new PresetsSettings(_state.Path), Access = access ?? AccessSettings.Open });
}
