namespace PiStream.Services.Recording;

/// <summary>How <c>pistream record</c> ended; the command turns it into the documented exit code.</summary>
internal enum RecordExit
{
    /// <summary>Recorded (or stopped by Ctrl+C) and saved.</summary>
    Ok,

    /// <summary>The camera, the stream, ffmpeg or the disk failed while recording.</summary>
    Failed,

    /// <summary>An option or the output path was unusable; nothing was recorded.</summary>
    BadInput,

    /// <summary>Something this machine needs is missing (ffmpeg, a camera).</summary>
    MissingDependency,
}
