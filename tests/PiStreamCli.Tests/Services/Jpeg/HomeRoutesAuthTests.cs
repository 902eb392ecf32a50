using System.Net;
using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Jpeg;

/// <summary>With a login on, the routes for home systems answer 401 without one, and serve with one.</summary>
public sealed class HomeRoutesAuthTests
{
    [Theory]
    [InlineData("snapshot.jpg")]
    [InlineData("stream.mjpg")]
    [InlineData("metrics")]
    [InlineData("healthz")]
    public async Task Without_a_login_it_is_401_and_with_one_it_answers(string path)
    {
        var users = new UserStore(new Dictionary<string, PasswordHash> { ["alice"] = UserStore.PlainPassword("secret") });
        await using var server = await TestServer.StartAsync(TestServer.Settings with { Access = AccessSettings.Open with { Users = users } });

        using var anonymous = await server.Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Basic", Convert.ToBase64String("alice:secret"u8.ToArray()));
        using var authorized = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Basic realm=\"pistream\"", anonymous.Headers.WwwAuthenticate.ToString());
        Assert.True(authorized.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{path} answered {authorized.StatusCode} with a login");
        Assert.NotEqual(HttpStatusCode.Unauthorized, authorized.StatusCode);
    }
}
