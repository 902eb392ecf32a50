namespace PiStream.Services.Capture;

/// <summary>A camera or camera stand-in that produces raw yuv420p frames of one <see cref="VideoFormat"/>.</summary>
internal interface ICaptureSource
{
    /// <summary>What the source is, for logs and /api/status (e.g. "test pattern", "libcamera camera 0").</summary>
    string Description { get; }

    /// <summary>True when the source already mirrors or flips the picture as configured (the camera or the decoding ffmpeg does it); otherwise every encoder must.</summary>
    bool AppliesFlips { get; }

    /// <summary>
    /// Produces frames into <paramref name="sink"/> until cancelled. Returning or throwing means the
    /// source stopped (a process exited, a file could not be read); the caller decides whether to restart.
    /// </summary>
    Task RunAsync(FrameSink sink, CancellationToken cancellationToken);
}
