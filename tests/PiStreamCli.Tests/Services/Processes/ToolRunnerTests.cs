using PiStream.Services.Processes;
using Xunit;

namespace PiStream.Tests.Services.Processes;

public sealed class ToolRunnerTests
{
    [Fact]
    public async Task Arguments_reach_the_tool_one_per_entry_and_both_outputs_are_captured()
    {
        var result = await ToolRunner.RunAsync("/bin/sh", ["-c", "printf '%s|' \"$@\"; echo oops >&2; exit 3", "sh", "a b", "\"c\""], TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal((3, "a b|\"c\"|", "oops\n", false, false), (result.ExitCode, result.StandardOutput, result.StandardError, result.TimedOut, result.Succeeded));
    }

    [Fact]
    public async Task A_tool_that_hangs_is_killed_and_reported_as_timed_out()
    {
        var result = await ToolRunner.RunAsync("/bin/sh", ["-c", "echo started; exec sleep 600"], TimeSpan.FromMilliseconds(500), CancellationToken.None);

        Assert.NotNull(result);
        Assert.True(result.TimedOut);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task A_tool_that_is_not_installed_gives_null() =>
        Assert.Null(await ToolRunner.RunAsync("/nonexistent/tool", [], TimeSpan.FromSeconds(5), CancellationToken.None));
}
