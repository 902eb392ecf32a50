using System.Runtime.InteropServices;

namespace PiStream.Services.Probing;

/// <summary>Reads what the machine is; the file paths are seams for tests.</summary>
internal sealed class PlatformInspector(
    string modelPath = "/proc/device-tree/model",
    string osReleasePath = "/etc/os-release",
    string kernelReleasePath = "/proc/sys/kernel/osrelease")
{
    public PlatformInfo Inspect() => new(
        PrettyOsName() ?? RuntimeInformation.OSDescription,
        ReadOrNull(kernelReleasePath)?.Trim() ?? Environment.OSVersion.VersionString,
        RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
        RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(),
        ReadModel(),
        RuntimeInformation.FrameworkDescription);

    /// <summary>/proc/device-tree/model ends in a NUL byte: "Raspberry Pi 4 Model B Rev 1.4\0".</summary>
    private string? ReadModel()
    {
        var text = ReadOrNull(modelPath)?.Trim('\0', ' ', '\n');
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private string? PrettyOsName()
    {
        var line = ReadOrNull(osReleasePath)?.Split('\n').FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
        return line?["PRETTY_NAME=".Length..].Trim().Trim('"');
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
