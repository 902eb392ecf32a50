using PiStream.Services.Broadcast;

namespace PiStream.Services.H264;

/// <summary>
/// MPEG-1 for pages whose browser decodes no H.264 (<c>/stream/mpeg1</c> on the HTTP port) while the live codec is
/// H.264: the <see cref="OnDemandMpeg1Encoder"/>'s MPEG-TS messages, as JSMpeg plays them, fanned out to those pages.
/// Its viewers count as viewers of the live stream (<paramref name="live"/>), and keep the encoder running.
/// </summary>
internal sealed class Mpeg1Fallback(Broadcaster live)
{
    /// <summary>The fan-out the fallback pages join.</summary>
    public Broadcaster Broadcaster { get; } = new(new StreamStats(), countedIn: live);
}
