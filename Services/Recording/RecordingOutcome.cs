namespace PiStream.Services.Recording;

/// <summary>How a recording ended. In every case the file holds what was recorded up to that point.</summary>
internal enum RecordingOutcome
{
    /// <summary>The duration was reached.</summary>
    Completed,

    /// <summary>Stopped by Ctrl+C or SIGTERM.</summary>
    Stopped,

    /// <summary>The disk (or the file size limit) ran out mid-recording.</summary>
    DiskFull,

    /// <summary>The camera or the stream stopped delivering.</summary>
    SourceFailed,

    /// <summary>ffmpeg failed.</summary>
    EncoderFailed,
}
