using System.Diagnostics.Metrics;

namespace PiStream.Services.Broadcast;

/// <summary>
/// The viewer instruments of meter "PiStream" (docs/metrics.md), shared by every kind of viewer and told apart by the
/// tag <c>kind</c>: <c>page</c> (WebSocket on the HTTP port), <c>legacy</c> (pistreaming's WebSocket port), <c>mjpeg</c>
/// (/stream.mjpg). A viewer is tracked while connected (its own counters are read at each scrape, so the per-frame
/// path records nothing); when it leaves, its totals are kept. All are observed at scrape time, so every kind is
/// exported from the start, at 0.
/// </summary>
internal sealed class ViewerMetrics
{
    public const string MeterName = "PiStream";
    private const string MjpegKind = "mjpeg";
    private static readonly string[] Kinds = ["page", "legacy", MjpegKind];
    private readonly Lock _lock = new();
    private readonly List<Tracked> _live = [];
    private readonly Dictionary<string, (long Bytes, long Skipped)> _departed = [];
    private readonly Dictionary<string, long> _closedSlow = [];

    public ViewerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableUpDownCounter("pistream.viewers", () => Observe(kind => Count(kind)), "{viewer}", "Viewers watching now, by kind");
        meter.CreateObservableCounter("pistream.viewer.sent", () => Observe(kind => Totals(kind).Bytes), "By", "Bytes sent to viewers, by kind");
        meter.CreateObservableCounter("pistream.viewer.frames.skipped", () => Observe(kind => Totals(kind).Skipped), "{frame}", "Frames viewers did not get because they were too slow to take them, by kind");
        meter.CreateObservableCounter("pistream.viewer.closed.slow", () => Observe(ClosedSlowCount), "{viewer}", "Viewers closed because they stayed behind too long, by kind");
    }

    /// <summary>Counts a viewer of <paramref name="kind"/> in until the result is disposed; <paramref name="read"/> gives its bytes sent and frames skipped so far.</summary>
    public IDisposable Track(string kind, Func<(long Bytes, long Skipped)> read)
    {
        var tracked = new Tracked(this, kind, read);
        lock (_lock)
        {
            _live.Add(tracked);
        }

        return tracked;
    }

    /// <summary>The viewers connected now, by kind (what /api/status shows; /metrics exports the same counts).</summary>
    public ViewerCounts Counts()
    {
        lock (_lock)
        {
            return new ViewerCounts((int)Count("page"), (int)Count("legacy"), (int)Count(MjpegKind));
        }
    }

    public void ClosedSlow(string kind)
    {
        lock (_lock)
        {
            _closedSlow[kind] = _closedSlow.GetValueOrDefault(kind) + 1;
        }
    }

    private static KeyValuePair<string, object?> Tag(string kind) => new("kind", kind);

    private static Measurement<long>[] Observe(Func<string, long> value) =>
        Kinds.Select(kind => new Measurement<long>(value(kind), Tag(kind))).ToArray();

    private long ClosedSlowCount(string kind)
    {
        lock (_lock)
        {
            return _closedSlow.GetValueOrDefault(kind);
        }
    }

    private long Count(string kind)
    {
        lock (_lock)
        {
            return _live.Count(tracked => tracked.Kind == kind);
        }
    }

    private (long Bytes, long Skipped) Totals(string kind)
    {
        lock (_lock)
        {
            var (bytes, skipped) = _departed.GetValueOrDefault(kind);
            foreach (var tracked in _live.Where(tracked => tracked.Kind == kind))
            {
                var now = tracked.Read();
                bytes += now.Bytes;
                skipped += now.Skipped;
            }

            return (bytes, skipped);
        }
    }

    private void Leave(Tracked tracked)
    {
        lock (_lock)
        {
            if (_live.Remove(tracked))
            {
                var (bytes, skipped) = _departed.GetValueOrDefault(tracked.Kind);
                var last = tracked.Read();
                _departed[tracked.Kind] = (bytes + last.Bytes, skipped + last.Skipped);
            }
        }
    }

    private sealed class Tracked(ViewerMetrics owner, string kind, Func<(long Bytes, long Skipped)> read) : IDisposable
    {
        public string Kind => kind;

        public (long Bytes, long Skipped) Read() => read();

        public void Dispose() => owner.Leave(this);
    }
}
