using PiStream.Services.Processes;
using PiStream.Tests.Support;
using Xunit;

namespace PiStream.Tests.Services.Processes;

/// <summary>
/// Runs alone (it counts this process's open descriptors, which the neighbouring tests change): a short-lived tool
/// leaves no pipe open behind it, so a server that runs v4l2-ctl or ffmpeg -version now and then does not collect them.
/// </summary>
[Collection(MeasuresTheMachine.Name)]
public sealed class ToolRunnerDescriptorTests
{
    private const int Runs = 60;

    [Fact]
    public async Task Running_a_tool_many_times_leaves_no_descriptor_open()
    {
        await ToolRunner.RunAsync("/bin/true", [], TimeSpan.FromSeconds(30), CancellationToken.None);
        var before = OpenDescriptors();

        for (var i = 0; i < Runs; i++)
        {
            var result = await ToolRunner.RunAsync("/bin/sh", ["-c", "echo out; echo err >&2"], TimeSpan.FromSeconds(30), CancellationToken.None);
            Assert.Equal("out\n", result?.StandardOutput);
        }

        // Two pipes a run were left to the finalizer before: 120 descriptors. A few may come and go with the runtime.
        Assert.InRange(OpenDescriptors() - before, int.MinValue, Runs / 4);
    }

    private static int OpenDescriptors() => Directory.GetFileSystemEntries("/proc/self/fd").Length;
}
