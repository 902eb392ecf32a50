using System.Net;
using PiStream.Tests.Support;

namespace PiStream.Tests.Commands;

/// <summary>A real <c>pistream serve</c> keeps presets in <c>--state-dir</c>, else in <c>$XDG_STATE_HOME/pistream</c>, across restarts.</summary>
public sealed class ServePresetsTests
{
    [Fact]
    public async Task Presets_saved_through_one_serve_are_listed_by_the_next_from_the_state_dir()
    {
        using var state = new TempFolder();
        var port = FreePorts.Free();
        string[] arguments = ["--pantilt", "sim", "--source", "test", "--bind", "127.0.0.1", "--port", $"{port}", "--ws-port", "0", "--state-dir", state.Path];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await using (var first = await CliProcess.ServeAsync(arguments))
        {
            await http.GetAsync("do_orient?pan=20&tilt=-10");
            Assert.Equal(HttpStatusCode.OK, (await http.PutAsync("api/presets/door", null)).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await http.PutAsync("api/presets/no%20spaces", null)).StatusCode);
            await first.TerminateAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Contains("\"door\"", await File.ReadAllTextAsync(Path.Combine(state.Path, "presets.json")));
        await using var second = await CliProcess.ServeAsync(arguments);
        Assert.Equal("""[{"name":"door","pan":20,"tilt":-10}]""", await http.GetStringAsync("api/presets"));
    }

    [Fact]
    public async Task Without_state_dir_presets_go_to_xdg_state_home()
    {
        using var stateHome = new TempFolder();
        var port = FreePorts.Free();
        var start = new CliStartInfo(["serve", "--pantilt", "sim", "--source", "test", "--bind", "127.0.0.1", "--port", $"{port}", "--ws-port", "0"])
        {
            Environment = new Dictionary<string, string> { ["XDG_STATE_HOME"] = stateHome.Path },
        };
        await using var serve = CliProcess.Start(start);
        await serve.WaitForOutputAsync("Press Ctrl+C", TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        Assert.Equal(HttpStatusCode.OK, (await http.PutAsync("api/presets/porch", null)).StatusCode);

        Assert.Contains("\"porch\"", await File.ReadAllTextAsync(Path.Combine(stateHome.Path, "pistream", "presets.json")));
    }
}
