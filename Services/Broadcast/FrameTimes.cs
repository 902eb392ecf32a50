using System.Buffers.Text;
using System.Net.WebSockets;

namespace PiStream.Services.Broadcast;

/// <summary>
/// Benchmark aid (hidden <c>serve --bench-timestamps</c>): before each video frame, viewers get a small
/// text message <c>{"t":&lt;Unix ms, 3 decimals&gt;}</c> with the moment the frame left the encoder, so a
/// client on the same machine can measure delivery delay. The page ignores unknown text messages.
/// </summary>
internal sealed class FrameTimes(StreamMessagePool pool, TimeProvider time)
{
    /// <summary>A text message stamped now, with one reference owned by the caller.</summary>
    public StreamMessage Create()
    {
        var micros = (time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        Span<byte> text = stackalloc byte[48];
        "{\"t\":"u8.CopyTo(text);
        var length = 5;
        Utf8Formatter.TryFormat(micros / 1000, text[length..], out var written);
        length += written;
        text[length++] = (byte)'.';
        Utf8Formatter.TryFormat(micros % 1000, text[length..], out written, new System.Buffers.StandardFormat('D', 3));
        length += written;
        text[length++] = (byte)'}';

        var message = pool.Rent();
        message.Append(text[..length]);
        message.Complete(false, WebSocketMessageType.Text);
        return message;
    }
}
