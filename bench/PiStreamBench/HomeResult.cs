namespace PiStream.Bench;

/// <summary>
/// Snapshot and MJPEG measurements (issue 13): snapshot latency (request -> last byte) cold and warm, the
/// picture's age (request start minus the capture time stamped into it; negative: captured after the request
/// started), and MJPEG CPU per client count and size.
/// </summary>
internal sealed record HomeResult(
    IReadOnlyList<double> ColdSnapshotMs,
    IReadOnlyList<double> WarmSnapshotMs,
    IReadOnlyList<double> SnapshotAgeMs,
    IReadOnlyList<MjpegLoad> Loads,
    int Framerate,
    TimeSpan Window);

/// <summary>One MJPEG load: <see cref="Clients"/> clients of <see cref="Width"/>, CPU of serve and of the JPEG ffmpeg (% of one core), pictures per second each client got.</summary>
internal sealed record MjpegLoad(int Clients, int Width, double ServeCpu, double JpegCpu, double MinFps, double MeanFps);
