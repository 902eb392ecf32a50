using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace PiStream.Services.Processes;

/// <summary>
/// Makes a child's pipe hold a whole raw frame (Linux <c>F_SETPIPE_SZ</c>): with the default 64 KiB, a 460 KB 640x480
/// frame crosses the pipe in eight pieces, each a system call and a wake-up on both sides; with room for the frame it
/// is one write and usually one read. Capped at /proc/sys/fs/pipe-max-size (1 MiB unless raised); any refusal
/// leaves the pipe as it was (the stream works either way, only with more pieces).
/// </summary>
internal static class PipeBuffers
{
    private const int SetPipeSize = 1031; // F_SETPIPE_SZ (F_LINUX_SPECIFIC_BASE + 7)
    private const string MaxSizePath = "/proc/sys/fs/pipe-max-size";

    /// <summary>Asks for room for <paramref name="bytes"/> in the pipe behind <paramref name="stream"/>; returns the size the pipe has now (0 when unknown).</summary>
    public static int Enlarge(Stream stream, int bytes)
    {
        if (!OperatingSystem.IsLinux() || stream is not PipeStream pipe)
        {
            return 0;
        }

        var size = Math.Min(bytes, MaxSize());
        var handle = pipe.SafePipeHandle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return fcntl((int)handle.DangerousGetHandle(), SetPipeSize, size) is var result and > 0 ? result : 0;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static int MaxSize()
    {
        try
        {
            return int.TryParse(File.ReadAllText(MaxSizePath).Trim(), out var max) ? max : 1 << 20;
        }
        catch (IOException)
        {
            return 1 << 20;
        }
        catch (UnauthorizedAccessException)
        {
            return 1 << 20;
        }
    }

    // DllImport: LibraryImport would need unsafe code enabled for the whole tool, for one blittable call.
    [DllImport("libc", SetLastError = true)]
    private static extern int fcntl(int fd, int command, int argument);
}
