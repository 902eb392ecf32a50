namespace PiStream.Services.Broadcast;

/// <summary>
/// Viewers watching now, by kind: <see cref="Page"/> (WebSocket <c>/stream</c> and <c>/stream/mpeg1</c>), <see cref="Legacy"/> (pistreaming's
/// <c>--ws-port</c>), <see cref="Mjpeg"/> (<c>/stream.mjpg</c>). The same numbers as <c>pistream_viewers</c> in /metrics.
/// </summary>
internal sealed record ViewerCounts(int Page, int Legacy, int Mjpeg)
{
    public int Total() => Page + Legacy + Mjpeg;
}
