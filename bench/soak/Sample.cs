namespace PiStream.Soak;

/// <summary>One measurement during the soak.</summary>
internal sealed record Sample(
    TimeSpan Elapsed,
    double RssMiB,
    int Threads,
    int Handles,
    double LatencyMedianMs,
    double LatencyP95Ms,
    int ViewersConnected,
    double MinViewerFps,
    int EncoderRestarts,
    long PanTiltRequests);
