using System.Net;
using PiStream.Services.PanTilt;
using PiStream.Services.Security;
using PiStream.Tests.Services.PanTilt;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Security;

/// <summary>
/// Without a login: another site's page in a viewer's browser can neither move the camera nor open the
/// stream, a DNS-rebinding host name is refused with the option that allows it, and HEAD never moves the camera.
/// </summary>
public sealed class CrossSiteTests : IAsyncLifetime
{
    private const string Dashboard = "https://dashboard.home.lan:8443";
    private PanTiltServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await PanTiltServer.StartAsync(PanTiltMode.Sim, settings: TestServer.Settings with
        {
            Access = AccessSettings.Open with { AllowedOrigins = [Dashboard], AllowedHosts = ["camera.home.lan"] },
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site", null)]
    [InlineData("Sec-Fetch-Site", "same-site", null)]
    [InlineData("Origin", "http://evil.example", null)]
    [InlineData("Sec-Fetch-Site", "cross-site", "http://evil.example")]
    public async Task Another_sites_page_cannot_move_the_camera_without_a_login(string header, string value, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/do_orient?pan=-33");
        request.Headers.TryAddWithoutValidation(header, value);
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        using var response = await _server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("--allow-origin", await response.Content.ReadAsStringAsync());
        Assert.Empty(_server.Moves);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("same-origin", null)]
    [InlineData("cross-site", Dashboard)]
    public async Task The_own_page_a_program_and_an_allowed_dashboard_can_move_it(string? fetchSite, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/do_orient?pan=-33");
        if (fetchSite is not null)
        {
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", fetchSite);
        }

        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        using var response = await _server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HEAD_on_a_control_route_changes_nothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/do_orient?pan=-33");
        using var response = await _server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        await Task.Delay(300);
        Assert.Empty(_server.Moves);
    }

    [Fact]
    public async Task A_WebSocket_from_another_sites_page_is_refused_on_both_ports_and_this_hosts_pages_are_not()
    {
        var port = _server.Host.HttpPort;
        var stream = new Uri($"ws://127.0.0.1:{port}/stream");
        var seedPort = new Uri($"ws://127.0.0.1:{_server.Host.WebSocketPort}/");

        Assert.Equal(HttpStatusCode.Forbidden, await WebSocketProbe.StatusAsync(stream, Origin("http://evil.example")));
        Assert.Equal(HttpStatusCode.Forbidden, await WebSocketProbe.StatusAsync(seedPort, Origin("http://evil.example")));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await WebSocketProbe.StatusAsync(stream, Origin($"http://127.0.0.1:{port}")));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await WebSocketProbe.StatusAsync(seedPort, Origin($"http://127.0.0.1:{port}")));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await WebSocketProbe.StatusAsync(seedPort, Origin("http://127.0.0.1:8000")));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await WebSocketProbe.StatusAsync(stream, Origin(Dashboard)));
    }

    [Theory]
    [InlineData("rebind.attacker.example", HttpStatusCode.Forbidden)]
    [InlineData("camera.home.lan", HttpStatusCode.OK)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    public async Task Without_a_login_a_foreign_host_name_is_refused_with_the_option_that_allows_it(string name, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Host = $"{name}:{_server.Host.HttpPort}";

        using var response = await _server.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Contains($"--allowed-host {name}", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task With_a_login_any_host_name_is_served()
    {
        var users = new UserStore(new Dictionary<string, PasswordHash> { ["alice"] = UserStore.PlainPassword("secret") });
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Access = AccessSettings.Open with { Users = users } });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Host = $"rebind.attacker.example:{server.Host.HttpPort}";
        request.Headers.Authorization = System.Net.Http.Headers.AuthenticationHeaderValue.Parse(WebSocketProbe.BasicHeader("alice", "secret"));

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Action<System.Net.WebSockets.ClientWebSocketOptions> Origin(string origin) => options => options.SetRequestHeader("Origin", origin);
}
