namespace PiStream.Services.Recording;

/// <summary>Recognizes well-known failures in what ffmpeg and rpicam-vid print.</summary>
internal static class FailureText
{
    private static readonly string[] DiskFullSigns = ["No space left on device", "File too large", "Disk quota exceeded"];

    private static readonly string[] CameraBusySigns =
    [
        "failed to acquire camera",
        "Device or resource busy",
        "Pipeline handler in use by another process",
        "Camera in use",
    ];

    /// <summary>True when <paramref name="text"/> says the disk, a quota or the file size limit ran out (ENOSPC, EFBIG, EDQUOT).</summary>
    public static bool IsDiskFull(string text) => DiskFullSigns.Any(sign => text.Contains(sign, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="text"/> says another process holds the camera.</summary>
    public static bool IsCameraBusy(string text) => CameraBusySigns.Any(sign => text.Contains(sign, StringComparison.OrdinalIgnoreCase));
}
