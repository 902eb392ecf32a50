namespace PiStream.Services.Capture;

/// <summary>The kinds of capture source <c>--source</c> names.</summary>
internal enum SourceKind
{
    /// <summary>libcamera if a camera is listed, else a V4L2 webcam, else the test pattern.</summary>
    Auto,

    /// <summary>The built-in test pattern.</summary>
    Test,

    /// <summary>A Raspberry Pi camera through rpicam-vid (argument: camera index).</summary>
    Libcamera,

    /// <summary>A USB webcam through ffmpeg's v4l2 input (argument: device node).</summary>
    V4l2,

    /// <summary>A video file looped in real time (argument: path).</summary>
    File,

    /// <summary>Any program writing raw yuv420p frames to stdout (argument: shell command).</summary>
    Exec,
}
