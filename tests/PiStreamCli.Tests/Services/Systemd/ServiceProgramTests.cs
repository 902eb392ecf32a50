using PiStream.Services.Systemd;

namespace PiStream.Tests.Services.Systemd;

/// <summary>The program a systemd unit starts: a native tool by its launcher link, which survives <c>dotnet tool update</c>.</summary>
public sealed class ServiceProgramTests : IDisposable
{
    private readonly string _tools = Directory.CreateTempSubdirectory("pistream-tools-").FullName;

    public void Dispose() => Directory.Delete(_tools, recursive: true);

    [Fact]
    public void A_native_tool_in_the_tool_store_is_started_by_its_launcher_link()
    {
        var native = Store("0.1.0");
        File.CreateSymbolicLink(Path.Combine(_tools, "pistream"), Path.GetRelativePath(_tools, native));

        Assert.Equal(Path.Combine(_tools, "pistream"), ServiceProgram.ToolLauncher(native));
    }

    [Fact]
    public void A_launcher_that_points_at_another_version_or_is_missing_is_not_used()
    {
        var old = Store("0.1.0");
        var current = Store("0.2.0");
        Assert.Null(ServiceProgram.ToolLauncher(old));

        File.CreateSymbolicLink(Path.Combine(_tools, "pistream"), current);
        Assert.Null(ServiceProgram.ToolLauncher(old));
        Assert.Equal(Path.Combine(_tools, "pistream"), ServiceProgram.ToolLauncher(current));
    }

    [Fact]
    public void A_program_outside_a_tool_store_is_named_as_it_is()
    {
        Assert.Null(ServiceProgram.ToolLauncher("/usr/local/bin/pistream"));
        Assert.Null(ServiceProgram.ToolLauncher(Path.Combine(_tools, "pistream")));
    }

    /// <summary>The native executable where <c>dotnet tool install</c> puts the linux-arm64 package's.</summary>
    private string Store(string version)
    {
        var folder = Path.Combine(_tools, ".store", "pistream", version, "pistream.linux-arm64", version, "tools", "any", "linux-arm64");
        Directory.CreateDirectory(folder);
        var native = Path.Combine(folder, "PiStreamCli");
        File.WriteAllText(native, "native pistream");
        return native;
    }
}
