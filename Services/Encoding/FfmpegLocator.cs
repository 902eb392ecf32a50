using PiStream.Services.Processes;

namespace PiStream.Services.Encoding;

/// <summary>Finds ffmpeg, or says how to install it.</summary>
internal static class FfmpegLocator
{
    public const string InstallHint = "ffmpeg not found — install it with: sudo apt-get install ffmpeg";

    /// <summary>The path of ffmpeg on PATH; throws <see cref="FfmpegNotFoundException"/> with the install command.</summary>
    public static string Require() => ExecutableFinder.Find("ffmpeg") ?? throw new FfmpegNotFoundException(InstallHint);
}
