using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Services.Security;

/// <summary>
/// Wrong logins sent all at once, or from many addresses, against a slow (auth-file) hash: the limit holds,
/// and a logged-in user and their stream hardly notice.
/// </summary>
[Collection(MeasuresTheMachine.Name)]
public sealed class LoginFloodTests
{
    private const string User = "alice";
    private const string Password = "right-password";

    [Fact]
    public async Task Sixty_logins_sent_at_the_same_moment_from_one_address_are_not_all_checked()
    {
        await using var server = await StartAsync();
        using var client = LocalAddressClient.Create(server.Http.BaseAddress!, IPAddress.Loopback);
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, 60).Select(async i =>
        {
            await start.WaitAsync();
            using var response = await SendAsync(client, i == 30 ? Password : $"guess-{i}");
            return response.StatusCode;
        }).ToArray();
        start.Release(60);
        var statuses = await Task.WhenAll(requests);

        var checkedLogins = statuses.Count(status => status is HttpStatusCode.OK or HttpStatusCode.Unauthorized);
        Assert.InRange(checkedLogins, 1, 10);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task A_flood_of_wrong_logins_from_many_addresses_hardly_slows_a_logged_in_user_or_their_stream()
    {
        await using var server = await StartAsync();
        using var user = LocalAddressClient.Create(server.Http.BaseAddress!, IPAddress.Parse("127.0.0.2"));
        using (var first = await SendAsync(user, Password))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await using var viewer = await StreamClient.ConnectAsync(server.StreamUri, WebSocketProbe.Login(User, Password));
        await viewer.WaitForFramesAsync(5, TimeSpan.FromSeconds(20));
        var quiet = await MeasureAsync(user, viewer);

        using var stop = new CancellationTokenSource();
        // As in the review: 600 wrong logins from 60 addresses (ten each, all of them checked), sent as fast as they are answered.
        var attackers = Enumerable.Range(10, 60).Select(i => LocalAddressClient.Create(server.Http.BaseAddress!, IPAddress.Parse($"127.0.0.{i}"))).ToArray();
        var flood = attackers.Select(attacker => FloodAsync(attacker, stop.Token)).ToArray();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var flooded = await MeasureAsync(user, viewer);

            Assert.All(flooded.Statuses, status => Assert.Equal(HttpStatusCode.OK, status));
            Assert.True(
                flooded.MedianRequest < Max(quiet.MedianRequest * 20, TimeSpan.FromMilliseconds(500)),
                $"A logged-in request took {flooded.MedianRequest.TotalMilliseconds:0} ms during the flood, {quiet.MedianRequest.TotalMilliseconds:0} ms before it.");
            // The stream's rate under the flood depends on spare CPU: one core hashes wrong passwords the whole time and,
            // here, the test's own 60 attackers share the other with the server (CI saw 24 -> 4.7 fps once on 2 cores).
            // What must not happen is the stream stopping or the hashing taking both cores (a rate near 0).
            Assert.True(
                flooded.Fps >= quiet.Fps / 8,
                $"The stream ran at {flooded.Fps:0.0} fps during the flood, {quiet.Fps:0.0} fps before it.");
            Assert.True(flood.Any(attack => !attack.IsCompleted), "The flood was over before the measurement ended.");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(flood);
            foreach (var attacker in attackers)
            {
                attacker.Dispose();
            }
        }
    }

    private static async Task<TestServer> StartAsync()
    {
        var users = new UserStore(new Dictionary<string, PasswordHash> { [User] = PasswordHash.Create(Password, PasswordHash.MinIterations) });
        return await TestServer.StartAsync(TestServer.Settings with { Access = AccessSettings.Open with { Users = users } });
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string password, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(WebSocketProbe.BasicHeader(User, password));
        return await client.SendAsync(request, cancellationToken);
    }

    private static async Task FloodAsync(HttpClient attacker, CancellationToken cancellationToken)
    {
        for (var guess = 0; guess < 10 && !cancellationToken.IsCancellationRequested; guess++)
        {
            try
            {
                using var response = await SendAsync(attacker, $"guess-{guess}", cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException)
            {
                // Stopping, or the server dropped this attacker's connection.
            }
        }
    }

    /// <summary>Five logged-in requests one after another (median time, statuses) and the viewer's frame rate over three seconds.</summary>
    private static async Task<Sample> MeasureAsync(HttpClient user, StreamClient viewer)
    {
        var framesBefore = viewer.Frames.Count;
        var started = Stopwatch.GetTimestamp();
        var times = new List<TimeSpan>();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await SendAsync(user, Password);
            times.Add(Stopwatch.GetElapsedTime(start));
            statuses.Add(response.StatusCode);
        }

        var left = TimeSpan.FromSeconds(3) - Stopwatch.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }

        var fps = (viewer.Frames.Count - framesBefore) / Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new Sample(times.Order().ElementAt(2), statuses, fps);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record Sample(TimeSpan MedianRequest, IReadOnlyList<HttpStatusCode> Statuses, double Fps);
}
