using System.Diagnostics;
using PiStream.Services.Capture;
using Xunit;

namespace PiStream.Tests.Support;

/// <summary>Decodes every frame of a video with ffmpeg and reads the <see cref="FrameStamp"/> painted into it.</summary>
internal static class StampReader
{
    public static async Task<IReadOnlyList<long>> ReadAsync(string path, int width, int height)
    {
        var info = new ProcessStartInfo("ffmpeg")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-v", "error", "-nostdin", "-i", path, "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var stamps = new List<long>();
        var luma = new byte[width * height];
        var output = process.StandardOutput.BaseStream;
        while (await output.ReadAtLeastAsync(luma, luma.Length, throwOnEndOfStream: false) == luma.Length)
        {
            Assert.True(FrameStamp.TryRead(luma, width, out var stamp), $"frame {stamps.Count} of {path} has no readable stamp");
            stamps.Add(stamp);
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"ffmpeg cannot decode {path}: {await errors}");
        return stamps;
    }
}
