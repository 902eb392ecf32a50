using System.Diagnostics.Metrics;
using PiStream.Services.Muxing;

namespace PiStream.Services.Publish;

/// <summary>
/// The <c>pistream.publish.*</c> instruments on the "PiStream" meter, one series per target tagged with its
/// masked URL (never the secret). Observable: they read the targets' counters when /metrics is scraped,
/// so publishing records nothing on its hot path.
/// </summary>
internal static class PublishMetrics
{
    public const string MeterName = "PiStream";

    public static void Register(IMeterFactory meterFactory, IReadOnlyList<PublishTargetRunner> targets, H264Source source)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableCounter("pistream.publish.bytes_sent", () => Each(targets, t => t.State.BytesSent), "By", "Bytes each publish target's server accepted.");
        meter.CreateObservableCounter("pistream.publish.reconnects", () => Each(targets, t => t.State.Reconnects), "{reconnect}", "Times a publish target went live again after losing its connection.");
        meter.CreateObservableGauge("pistream.publish.live", () => Each(targets, t => t.State.State == PublishState.Live ? 1L : 0L), "{target}", "1 while a publish target is live, 0 while connecting or retrying.");
        meter.CreateObservableCounter("pistream.publish.chunks_dropped", () => Each(targets, t => t.ChunksDropped), "{chunk}", "Pictures of the H.264 stream a publish target's full queue dropped (up to the next keyframe after each drop).");
        meter.CreateObservableCounter("pistream.publish.frames_dropped", () => source.FramesDropped, "{frame}", "Raw frames the H.264 encoder for publishing had no room for (0 when the live H.264 is copied).");
    }

    private static IEnumerable<Measurement<long>> Each(IReadOnlyList<PublishTargetRunner> targets, Func<PublishTargetRunner, long> read) =>
        targets.Select(target => new Measurement<long>(read(target), new KeyValuePair<string, object?>("target", target.State.Target.MaskedUrl)));
}
