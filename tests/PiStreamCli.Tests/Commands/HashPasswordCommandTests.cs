using PiStream.Services.Security;
using PiStream.Tests.Support;

namespace PiStream.Tests.Commands;

/// <summary><c>pistream hash-password</c> and serve's access options, through the real command line.</summary>
public sealed class HashPasswordCommandTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_password_piped_in_becomes_an_auth_file_line_that_verifies()
    {
        await using var cli = CliProcess.Start(["hash-password", "--user", "alice"]);
        await cli.Input.WriteLineAsync("wonder land");
        cli.Input.Close();
        await cli.WaitForExitAsync(Generous);

        Assert.Equal(0, cli.ExitCode);
        var line = cli.Output.Trim();
        Assert.StartsWith("alice:pbkdf2-sha256$310000$", line);
        Assert.DoesNotContain("wonder", line);
        Assert.True(PasswordHash.TryParse(line["alice:".Length..], out var hash, out _));
        Assert.True(hash!.Verify("wonder land"));
    }

    [Fact]
    public async Task An_auth_file_made_by_hash_password_locks_the_real_server_and_read_only_stops_moves()
    {
        var file = Path.GetTempFileName();
        try
        {
            await using (var hasher = CliProcess.Start(["hash-password", "--user", "alice", "--iterations", "100000"]))
            {
                await hasher.Input.WriteLineAsync("wonderland");
                hasher.Input.Close();
                await hasher.WaitForExitAsync(Generous);
                await File.WriteAllTextAsync(file, hasher.Output);
            }

            var port = FreePorts.Free();
            await using var cli = CliProcess.Start(["serve", "--source", "test", "--bind", "127.0.0.1", "--port", $"{port}", "--ws-port", $"{FreePorts.Free()}", "--auth-file", file, "--read-only"]);
            await cli.WaitForOutputAsync("Press Ctrl+C", Generous);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            using var anonymous = await http.GetAsync("/index.html");
            using var request = new HttpRequestMessage(HttpMethod.Get, "/do_orient?pan=10");
            request.Headers.TryAddWithoutValidation("Authorization", WebSocketProbe.BasicHeader("alice", "wonderland"));
            using var move = await http.SendAsync(request);
            await using var viewer = await StreamClient.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/stream"), WebSocketProbe.Login("alice", "wonderland"));
            await viewer.WaitForFramesAsync(3, Generous);

            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, move.StatusCode);
            Assert.DoesNotContain("move it", cli.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task No_password_exits_2_with_the_fix()
    {
        await using var cli = CliProcess.Start(["hash-password"]);
        cli.Input.Close();
        await cli.WaitForExitAsync(Generous);
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains("pistream hash-password <", cli.Error);
    }

    [Fact]
    public async Task Serve_refuses_bad_access_options_with_the_fix()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(file, ["# users", "alice:" + PasswordHash.Create("x", PasswordHash.MinIterations), "bob:secret"]);
            var cases = new (string[] Arguments, string Expected)[]
            {
                (["--auth", "nocolon"], "USER:PASSWORD"),
                (["--auth", "user:"], "USER:PASSWORD"),
                (["--auth-file", file], "line 3"),
                (["--auth-file", "/nonexistent/users"], "cannot be read"),
                (["--tls-cert", file], "go together"),
                (["--tls-cert", file, "--tls-key", file], "cannot be loaded"),
                (["--max-viewers", "0"], "out of range"),
            };
            foreach (var (arguments, expected) in cases)
            {
                var (code, _, error) = await CliProcess.RunAsync(["serve", "--source", "test", .. arguments], Generous);
                Assert.True(code == 2, $"{string.Join(' ', arguments)} exited {code}: {error}");
                Assert.Contains(expected, error);
                Assert.Contains("Nothing was changed", error);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
