using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PiStream.Services.Broadcast;

/// <summary>
/// The viewer instruments of meter "PiStream" (docs/metrics.md), shared by every kind of viewer and told apart
/// by the tag <c>kind</c>: <c>page</c> (WebSocket on the HTTP port), <c>legacy</c> (the seed's WebSocket port),
/// <c>mjpeg</c> (/stream.mjpg).
/// </summary>
internal sealed class ViewerMetrics
{
    public const string MeterName = "PiStream";
    private readonly UpDownCounter<int> _viewers;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _closedSlow;

    public ViewerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _viewers = meter.CreateUpDownCounter<int>("pistream.viewers", "{viewer}", "Viewers watching now, by kind");
        _sent = meter.CreateCounter<long>("pistream.viewer.sent", "By", "Bytes sent to viewers, by kind");
        _skipped = meter.CreateCounter<long>("pistream.viewer.frames.skipped", "{frame}", "Frames a viewer did not get because it was too slow to take them, by kind");
        _closedSlow = meter.CreateCounter<long>("pistream.viewer.closed.slow", "{viewer}", "Viewers closed because they stayed behind too long, by kind");
    }

    public void Joined(string kind) => _viewers.Add(1, Kind(kind));

    public void Left(string kind) => _viewers.Add(-1, Kind(kind));

    public void Sent(string kind, long bytes) => _sent.Add(bytes, Kind(kind));

    public void Skipped(string kind, long frames = 1) => _skipped.Add(frames, Kind(kind));

    public void ClosedSlow(string kind) => _closedSlow.Add(1, Kind(kind));

    private static KeyValuePair<string, object?> Kind(string kind) => new("kind", kind);
}
