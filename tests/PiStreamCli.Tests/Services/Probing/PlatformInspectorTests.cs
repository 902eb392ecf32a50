using System.Runtime.InteropServices;
using System.Text.Json;
using PiStream.Services.Probing;
using Xunit;
using static PiStream.Tests.Services.Probing.ProbeSamples;

namespace PiStream.Tests.Services.Probing;

public sealed class PlatformInspectorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pistream-platform-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Inspect_reports_the_os_and_process_architectures()
    {
        var platform = new PlatformInspector(Path.Combine(_root, "no-model")).Inspect();

        Assert.Equal(RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(), platform.Architecture);
        Assert.Equal(RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(), platform.ProcessArchitecture);
    }

    [Fact]
    public void Without_a_device_tree_model_it_is_not_a_pi()
    {
        var platform = new PlatformInspector(Path.Combine(_root, "no-model"), Path.Combine(_root, "no-os-release"), Path.Combine(_root, "no-kernel")).Inspect();

        Assert.Null(platform.PiModel);
        Assert.False(platform.IsRaspberryPi);
        Assert.NotEmpty(platform.Os);
        Assert.NotEmpty(platform.Kernel);
    }

    [Fact]
    public void A_model_path_that_is_a_directory_is_not_a_pi()
    {
        // Some kernels have /proc/device-tree as a directory without a model entry, or odd nodes in its place.
        var platform = new PlatformInspector(Directory.CreateDirectory(Path.Combine(_root, "model")).FullName).Inspect();

        Assert.Null(platform.PiModel);
    }

    [Fact]
    public void A_pi_5_model_is_a_pi()
    {
        var model = Path.Combine(_root, "model");
        File.WriteAllText(model, "Raspberry Pi 5 Model B Rev 1.0\0");

        var platform = new PlatformInspector(model).Inspect();

        Assert.Equal("Raspberry Pi 5 Model B Rev 1.0", platform.PiModel);
        Assert.True(platform.IsRaspberryPi);
    }

    [Fact]
    public void Text_and_json_show_both_architectures()
    {
        // 32-bit Raspberry Pi OS on a Pi 4 boots a 64-bit kernel: the OS says arm64, a 32-bit build runs as arm.
        var platform = Pi with { ProcessArchitecture = "arm" };
        var verdict = VerdictBuilder.Build(platform, Ffmpeg, NoCameras, NoI2c, NetworkWithFreePorts);
        var report = new ProbeReport(ProbeReport.CurrentSchemaVersion, platform, Ffmpeg, NoCameras, NoI2c, NetworkWithFreePorts, verdict);

        var text = new StringWriter();
        ProbeTextRenderer.Write(report, text);
        using var json = JsonDocument.Parse(ProbeJson.Serialize(report));

        Assert.Contains("  Architecture:  arm64 (pistream runs as arm)" + Environment.NewLine, text.ToString());
        Assert.Equal("arm64", json.RootElement.GetProperty("platform").GetProperty("architecture").GetString());
        Assert.Equal("arm", json.RootElement.GetProperty("platform").GetProperty("processArchitecture").GetString());
    }
}
