using System.Net;
using System.Net.Http.Headers;
using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Security;

/// <summary>--auth and --auth-file on every route (WebSockets included), failed-login limits, and the cross-site WebSocket guard.</summary>
public sealed class AccessControlTests : IAsyncLifetime
{
    private const string User = "viewer";
    private const string Password = "long-secret";
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        var users = new UserStore(new Dictionary<string, PasswordHash>
        {
            [User] = UserStore.PlainPassword(Password),
            ["filed"] = PasswordHash.Create("from-a-file", PasswordHash.MinIterations),
        });
        _server = await TestServer.StartAsync(TestServer.Settings with { Access = AccessSettings.Open with { Users = users } });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site", HttpStatusCode.Forbidden)]
    [InlineData("Sec-Fetch-Site", "same-site", HttpStatusCode.Forbidden)]
    [InlineData("Origin", "http://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("Sec-Fetch-Site", "same-origin", HttpStatusCode.ServiceUnavailable)]
    [InlineData("X-Nothing", "program", HttpStatusCode.ServiceUnavailable)]
    public async Task A_logged_in_browser_cannot_be_made_to_move_the_camera_from_another_site(string header, string value, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/do_orient?pan=10");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{User}:{Password}")));
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await _server.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/jsmpg.js")]
    [InlineData("/api/status")]
    [InlineData("/do_orient?pan=10")]
    [InlineData("/stream")]
    [InlineData("/nope")]
    public async Task Every_route_asks_for_a_login(string path)
    {
        using var response = await _server.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Basic", challenge.Scheme);
        Assert.Contains("realm=\"pistream\"", challenge.Parameter);
    }

    [Fact]
    public async Task WebSocket_upgrades_on_both_ports_ask_for_a_login()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await WebSocketProbe.StatusAsync(_server.StreamUri));
        Assert.Equal(HttpStatusCode.Unauthorized, await WebSocketProbe.StatusAsync(_server.WebSocketPortUri));
        Assert.Equal(HttpStatusCode.Unauthorized, await WebSocketProbe.StatusAsync(_server.StreamUri, WebSocketProbe.Login(User, "wrong")));
    }

    [Fact]
    public async Task The_right_login_opens_the_page_and_the_stream()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/index.html");
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(WebSocketProbe.BasicHeader(User, Password));
        using var response = await _server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var viewer = await StreamClient.ConnectAsync(_server.StreamUri, WebSocketProbe.Login(User, Password));
        await using var seedViewer = await StreamClient.ConnectAsync(_server.WebSocketPortUri, WebSocketProbe.Login("filed", "from-a-file"));
        await viewer.WaitForFramesAsync(5, TimeSpan.FromSeconds(20));
        await seedViewer.WaitForFramesAsync(5, TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Basic !!!!")]
    [InlineData("Basic dmlld2Vy")]
    [InlineData("Bearer dmlld2VyOmxvbmctc2VjcmV0")]
    [InlineData("Basic Omxvbmctc2VjcmV0")]
    public async Task Malformed_credentials_are_401(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/index.html");
        request.Headers.TryAddWithoutValidation("Authorization", header);
        using var response = await _server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Ten_wrong_passwords_lock_the_address_out_for_a_while_even_with_the_right_one()
    {
        await using var server = await TestServer.StartAsync(TestServer.Settings with
        {
            Access = AccessSettings.Open with { Users = new UserStore(new Dictionary<string, PasswordHash> { [User] = UserStore.PlainPassword(Password) }) },
        });
        for (var i = 0; i < 10; i++)
        {
            using var wrong = await GetAsync(server, "/api/status", User, $"guess{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var locked = await GetAsync(server, "/api/status", User, Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        var retryAfter = locked.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.TooManyRequests, await WebSocketProbe.StatusAsync(server.StreamUri, WebSocketProbe.Login(User, Password)));
    }

    [Fact]
    public async Task A_WebSocket_from_another_sites_page_is_refused_and_one_from_this_page_is_not()
    {
        var login = WebSocketProbe.Login(User, Password);
        var foreign = await WebSocketProbe.StatusAsync(_server.StreamUri, options =>
        {
            login(options);
            options.SetRequestHeader("Origin", "http://evil.example");
        });
        var own = await WebSocketProbe.StatusAsync(_server.StreamUri, options =>
        {
            login(options);
            options.SetRequestHeader("Origin", $"http://127.0.0.1:{_server.Host.HttpPort}");
        });

        Assert.Equal(HttpStatusCode.Forbidden, foreign);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, own);
    }

    private static async Task<HttpResponseMessage> GetAsync(TestServer server, string path, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(WebSocketProbe.BasicHeader(user, password));
        return await server.Http.SendAsync(request);
    }
}
