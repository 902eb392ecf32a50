using System.Diagnostics;
using Xunit;

namespace PiStream.Tests.Support;

/// <summary>
/// A small tmpfs mounted for a test: a real file system that really fills up (or is really read-only).
/// Needs permission to mount (root, as in the development container); without it the test fails and says so.
/// </summary>
internal sealed class Tmpfs : IDisposable
{
    private Tmpfs(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static Tmpfs Mount(string path, string options)
    {
        Directory.CreateDirectory(path);
        var (exitCode, error) = Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", path);
        Assert.True(exitCode == 0, $"These tests need a small tmpfs and could not mount one ({error.Trim()}): run them as root in the development container.");
        return new Tmpfs(path);
    }

    public void Dispose() => Run("umount", "-l", Path);

    private static (int ExitCode, string Error) Run(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }
}
