namespace PiStream.Bench;

/// <summary>One Pi-budget run: the server (and its children) on one core, frames expected and received, latency and CPU.</summary>
internal sealed record PiBudgetResult(int Width, int Height, int Framerate, string Bitrate, double Seconds, long FramesExpected, long FramesReceived, Percentiles Latency, double ServeCpu, double ChildrenCpu, string Affinity)
{
    public long Dropped => Math.Max(0, FramesExpected - FramesReceived);
}
