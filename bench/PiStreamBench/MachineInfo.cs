using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PiStream.Bench;

/// <summary>What the numbers were measured on: CPU, cores, kernel, runtimes, Chromium, ffmpeg, and how busy the machine was.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Kernel, string Runtime, string Chromium, string Ffmpeg)
{
    public static MachineInfo Read() => new(
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown",
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        FirstLine("/usr/bin/chromium", "--version"),
        FirstLine("ffmpeg", "-version"));

    /// <summary>The 1-, 5- and 15-minute load averages (runnable threads; this machine has 2 cores).</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string FirstLine(string program, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, argument) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var line = process.StandardOutput.ReadLine() ?? "";
            process.WaitForExit();
            return line.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }
}
