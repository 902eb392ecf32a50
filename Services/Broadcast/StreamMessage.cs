using System.Diagnostics;
using System.Net.WebSockets;

namespace PiStream.Services.Broadcast;

/// <summary>
/// One WebSocket message shared by every viewer: an encoded video frame (its MPEG-TS packets) or a
/// small text event. Reference counted: each viewer queue holding it owns one reference, and the
/// last <see cref="Release"/> returns it to its <see cref="StreamMessagePool"/> for reuse.
/// </summary>
internal sealed class StreamMessage
{
    private readonly StreamMessagePool _pool;
    private byte[] _buffer = new byte[16 * 1024];
    private int _length;
    private int _references;

    public StreamMessage(StreamMessagePool pool) => _pool = pool;

    public ReadOnlyMemory<byte> Data => _buffer.AsMemory(0, _length);

    public int Length => _length;

    /// <summary>True for a frame a decoder can start from (an MPEG-1 I-frame with its sequence header).</summary>
    public bool IsKeyframe { get; private set; }

    public WebSocketMessageType MessageType { get; private set; }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes.Length));
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Marks the message complete; from here on it is read-only and may be shared.</summary>
    public void Complete(bool isKeyframe, WebSocketMessageType type = WebSocketMessageType.Binary)
    {
        IsKeyframe = isKeyframe;
        MessageType = type;
    }

    public void AddReference() => Interlocked.Increment(ref _references);

    public void Release()
    {
        var left = Interlocked.Decrement(ref _references);
        Debug.Assert(left >= 0, "Released more often than referenced.");
        if (left == 0)
        {
            _pool.Return(this);
        }
    }

    /// <summary>Makes a pooled frame new again, with one reference owned by the renter.</summary>
    internal void Reset()
    {
        _length = 0;
        IsKeyframe = false;
        MessageType = WebSocketMessageType.Binary;
        _references = 1;
    }
}
